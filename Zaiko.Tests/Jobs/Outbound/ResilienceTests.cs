using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Outbound;

/// <summary>The outbound pipeline's retry and circuit breaker, through the composed Yahoo! client against the sandbox.</summary>
public sealed class ResilienceTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string AuctionId = "t1000000002";

    /// <summary>Settings under which two failures in a row open the circuit for one second.</summary>
    private static readonly Dictionary<string, string?> FragileSettings = new()
    {
        ["Sources:Yahoo:Resilience:MaxRetries"] = "0",
        ["Sources:Yahoo:Resilience:BreakerMinimumThroughput"] = "2",
        ["Sources:Yahoo:Resilience:BreakerFailureRatio"] = "0.5",
        ["Sources:Yahoo:Resilience:BreakerSamplingSeconds"] = "30",
        ["Sources:Yahoo:Resilience:BreakDurationSeconds"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutYahooItemAsync(new { auctionId = AuctionId, title = "テスト商品", price = 1000, status = "open", endTime = DateTimeOffset.UtcNow.AddDays(3) });
    }

    [Fact]
    public async Task FetchAsync_WaitsForRetryAfter_BeforeRetryingAThrottledRequest()
    {
        var client = Services().GetRequiredService<YahooClient>();
        await Sandbox.SetFaultsAsync(new { target = "yahoo", throttleRate = 1.0 });
        await Sandbox.ClearJournalAsync();

        var fetch = client.FetchAsync(AuctionId, CancellationToken.None);
        await Poll.UntilAsync(async () => (await RequestsAsync("yahoo")).Count >= 1, "the first (throttled) request");
        await Sandbox.ClearFaultsAsync();
        var observation = await fetch;

        var requests = await RequestsAsync("yahoo");
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Equal([429, 200], requests.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(TimeOf(requests[1]) - TimeOf(requests[0]) >= TimeSpan.FromSeconds(1),
            $"retried after {(TimeOf(requests[1]) - TimeOf(requests[0])).TotalMilliseconds} ms despite Retry-After: 1 (base delay 20 ms)");
    }

    [Fact]
    public async Task FetchAsync_LogsNothingAboveDebugFromThePipeline_WhenTheFirstAttemptSucceeds()
    {
        var logs = new LogCapture();
        var client = Services(configure: services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)))
            .GetRequiredService<YahooClient>();

        var observation = await client.FetchAsync(AuctionId, CancellationToken.None);

        var pipeline = logs.Entries.Where(entry => entry.Category == "Polly").ToList();
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Contains(pipeline, entry => entry.Level == LogLevel.Debug && entry.Message.StartsWith("Execution attempt", StringComparison.Ordinal));
        Assert.DoesNotContain(pipeline, entry => entry.Level > LogLevel.Debug);
    }

    [Fact]
    public async Task FetchAsync_LogsAWarningFromThePipeline_WhenItRetries()
    {
        var logs = new LogCapture();
        var client = Services(configure: services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)))
            .GetRequiredService<YahooClient>();
        await Sandbox.SetFaultsAsync(new { target = "yahoo", throttleRate = 1.0 });
        await Sandbox.ClearJournalAsync();

        var fetch = client.FetchAsync(AuctionId, CancellationToken.None);
        await Poll.UntilAsync(async () => (await RequestsAsync("yahoo")).Count >= 1, "the first (throttled) request");
        await Sandbox.ClearFaultsAsync();
        var observation = await fetch;

        var warnings = logs.Entries.Where(entry => entry.Category == "Polly" && entry.Level == LogLevel.Warning).ToList();
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Contains(warnings, entry => entry.Message.Contains("OnRetry", StringComparison.Ordinal));
        Assert.Contains(warnings, entry => entry.Message.StartsWith("Execution attempt", StringComparison.Ordinal) && entry.Message.Contains("'429'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_StopsSendingAndReportsTheOpenCircuit_AfterRepeatedFailures()
    {
        // The breaker runs on this clock: standing still, the circuit cannot half-open however slow the machine.
        var services = Services(FragileSettings, new FakeTimeProvider(DatabaseTest.StartTime));
        var client = services.GetRequiredService<YahooClient>();
        await Sandbox.SetFaultsAsync(new { target = "yahoo", errorRate = 1.0, errorStatus = 503 });

        await client.FetchAsync(AuctionId, CancellationToken.None);
        await client.FetchAsync(AuctionId, CancellationToken.None);
        var whileOpen = await client.FetchAsync(AuctionId, CancellationToken.None);

        var health = services.GetRequiredService<SourceHealthRegistry>().Snapshot().Single(s => s.Source == YahooClient.Source);
        Assert.Equal((SourceStatus.TransientError, 0), (whileOpen.Status, whileOpen.HttpStatus));
        Assert.StartsWith("circuit open", whileOpen.Error);
        Assert.Equal(2, (await RequestsAsync("yahoo")).Count);
        Assert.Equal((SourceHealthRegistry.Open, 2L, 2L), (health.CircuitState, health.RequestsLastHour, health.FailuresLastHour));
        Assert.Equal("HTTP 503 from 127.0.0.1", health.LastError);
    }

    [Fact]
    public async Task FetchAsync_ClosesTheCircuit_WhenTheSourceHasRecoveredAfterTheBreak()
    {
        var clock = new FakeTimeProvider(DatabaseTest.StartTime);
        var services = Services(FragileSettings, clock);
        var client = services.GetRequiredService<YahooClient>();
        var health = services.GetRequiredService<SourceHealthRegistry>();
        await Sandbox.SetFaultsAsync(new { target = "yahoo", errorRate = 1.0, errorStatus = 503 });
        await client.FetchAsync(AuctionId, CancellationToken.None);
        await client.FetchAsync(AuctionId, CancellationToken.None);
        var stateWhileFailing = health.CircuitState(YahooClient.Source);
        await Sandbox.ClearFaultsAsync();
        clock.Advance(TimeSpan.FromSeconds(1)); // exactly the break: the next request is the half-open probe

        var observation = await client.FetchAsync(AuctionId, CancellationToken.None);

        Assert.Equal(SourceHealthRegistry.Open, stateWhileFailing);
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Equal(SourceHealthRegistry.Closed, health.CircuitState(YahooClient.Source));
        Assert.Equal((3L, 2L), (health.Snapshot().Single().RequestsLastHour, health.Snapshot().Single().FailuresLastHour));
    }
}
