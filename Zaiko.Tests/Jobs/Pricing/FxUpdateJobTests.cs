using Microsoft.Extensions.Time.Testing;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Fx;
using Zaiko.Jobs.Pricing;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Pricing;

/// <summary>The daily FX job against the sandbox's ECB feed: rates stored as published, stale rates reported.</summary>
public sealed class FxUpdateJobTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

    private ServiceProvider? provider;

    [Fact]
    public async Task Run_StoresTheDaysRates_AndRaisesNoWarning_WhenTheyAreFresh()
    {
        await Sandbox.SetFxAsync(new { date = "2026-11-27", rates = new Dictionary<string, decimal> { ["JPY"] = 170.5m, ["USD"] = 1.0525m } });

        await RunAsync();

        var latest = await Get<FxRateStore>().ListLatestAsync(CancellationToken.None);
        Assert.Equal(170.5m, latest.Single(r => (r.BaseCurrency, r.QuoteCurrency) == ("EUR", "JPY")).Rate);
        Assert.Equal(1.0525m, latest.Single(r => (r.BaseCurrency, r.QuoteCurrency) == ("EUR", "USD")).Rate);
        Assert.All(latest, r => Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), r.AsOf));
        Assert.Empty(await ErrorsAsync());
    }

    [Fact]
    public async Task Run_WarnsPerCurrencyThatSyncsAreHeld_WhenThePublishedRateIsOlderThanTheLimit()
    {
        await Sandbox.SetFxAsync(new { date = "2026-11-20" });

        await RunAsync();

        var errors = await ErrorsAsync();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal((ErrorTypes.FxStale, Severities.Medium, "fx"), (e.ErrorType, e.Severity, e.Platform)));
        Assert.Contains(errors, e => e.Message.StartsWith("no USD exchange rate younger than 48 h (the newest is from 2026-11-20 00:00 UTC)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("no JPY exchange rate younger than 48 h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RecordsTheFeedFailure_AndWarnsThatNoRateIsStored_WhenTheFeedIsDown()
    {
        await Sandbox.SetFaultsAsync(new { target = "fx", errorRate = 1.0, errorStatus = 500 });

        await RunAsync();

        var errors = await ErrorsAsync();
        Assert.Empty(await Get<FxRateStore>().ListLatestAsync(CancellationToken.None));
        Assert.Contains(errors, e => e.ErrorType == ErrorTypes.ApiError && e.Severity == Severities.Low
                                     && e.Message.StartsWith("FX feed could not be read: ", StringComparison.Ordinal) && e.Message.Contains("500"));
        Assert.Equal(2, errors.Count(e => e.ErrorType == ErrorTypes.FxStale && e.Message.Contains("(none stored)")));
    }

    [Fact]
    public async Task Run_KeepsTheStoredRates_WhenTheFeedAnswersWithSomethingThatIsNotTheFeed()
    {
        await Sandbox.SetFxAsync(new { date = "2026-11-27" });
        await RunAsync();
        var before = await Get<FxRateStore>().ListLatestAsync(CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "fx", malformedRate = 1.0 });

        await RunAsync();

        Assert.Equal(before, await Get<FxRateStore>().ListLatestAsync(CancellationToken.None));
        var failure = Assert.Single(await ErrorsAsync());
        Assert.Equal(ErrorTypes.ApiError, failure.ErrorType);
        Assert.StartsWith("FX feed could not be read: ", failure.Message);
    }

    private T Get<T>() where T : notnull =>
        (provider ??= Services(new Dictionary<string, string?> { ["Fx:Resilience:MaxRetries"] = "0" }, clock)).GetRequiredService<T>();

    private Task RunAsync() => Get<FxUpdateJob>().RunAsync(CancellationToken.None);

    private Task<IReadOnlyList<InventoryError>> ErrorsAsync() => Get<ErrorQueries>().ListUnresolvedAsync(Severities.Low, 100, CancellationToken.None);
}
