using Dapper;
using Zaiko.Data;
using Zaiko.Data.Fx;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class FxRateStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static readonly NewFxRate[] FridayRates =
    [
        new("EUR", "USD", 1.0812m),
        new("EUR", "JPY", 162.35m),
        new("EUR", "GBP", 0.8512m),
    ];

    private FxRateStore Rates => new(Database.DataSource, Clock);

    [Fact]
    public async Task SaveAsync_StoresADaysRates_WithSourceAsOfAndFetchTime()
    {
        var saved = await Rates.SaveAsync(FxRateSources.Ecb, Friday, FridayRates, CancellationToken.None);

        var usd = await Rates.GetLatestAsync("EUR", "USD", CancellationToken.None);

        Assert.Equal(3, saved);
        Assert.Equal(new StoredFxRate("EUR", "USD", 1.0812m, "ecb", Friday, StartTime), usd);
    }

    [Fact]
    public async Task SaveAsync_ReplacesTheRate_WhenTheSamePairAndTimeAreSavedAgain()
    {
        await Rates.SaveAsync(FxRateSources.Ecb, Friday, FridayRates, CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));

        var saved = await Rates.SaveAsync(FxRateSources.Manual, Friday, [new NewFxRate("EUR", "USD", 1.0900m)], CancellationToken.None);

        Assert.Equal(1, saved);
        Assert.Equal(new StoredFxRate("EUR", "USD", 1.09m, "manual", Friday, StartTime.AddHours(1)),
            await Rates.GetLatestAsync("EUR", "USD", CancellationToken.None));
        Assert.Equal(3, await CountRatesAsync());
    }

    [Fact]
    public async Task SaveAsync_StoresTheInstantInUtc_WhenGivenAnotherOffset()
    {
        var tokyoMorning = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(9));

        await Rates.SaveAsync(FxRateSources.Manual, tokyoMorning, [new NewFxRate("USD", "JPY", 150.25m)], CancellationToken.None);

        var stored = await Rates.GetLatestAsync("USD", "JPY", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.Zero), stored!.AsOf);
        Assert.Equal(TimeSpan.Zero, stored.AsOf.Offset);
    }

    public static TheoryData<NewFxRate[], string> InvalidRates => new()
    {
        { [], "rates" },
        { [new NewFxRate("EUR", "USD", 1.08m), new NewFxRate("EUR", "USD", 1.09m)], "rates" },
        { [new NewFxRate("eur", "USD", 1.08m)], "base_currency" },
        { [new NewFxRate("EURO", "USD", 1.08m)], "base_currency" },
        { [new NewFxRate("EUR", "US", 1.08m)], "quote_currency" },
        { [new NewFxRate("EUR", "EUR", 1m)], "quote_currency" },
        { [new NewFxRate("EUR", "USD", 0m)], "rate" },
        { [new NewFxRate("EUR", "USD", -1.08m)], "rate" },
        { [new NewFxRate("EUR", "USD", 0.000000001m)], "rate" },
        { [new NewFxRate("EUR", "USD", 10_000_000_000m)], "rate" },
        { [new NewFxRate("EUR", "USD", 1.0812m), new NewFxRate("EUR", "JPY", 0m)], "rate" },
    };

    [Theory]
    [MemberData(nameof(InvalidRates))]
    public async Task SaveAsync_RejectsInvalidRates_NamingTheFieldAndWritingNone(NewFxRate[] rates, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rates.SaveAsync(FxRateSources.Ecb, Friday, rates, CancellationToken.None));

        Assert.Equal(field, ex.Field);
        Assert.Equal(0, await CountRatesAsync());
    }

    [Theory]
    [InlineData("ECB")]
    [InlineData("bank")]
    [InlineData("")]
    public async Task SaveAsync_RejectsAnUnknownSource_NamingTheField(string source)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rates.SaveAsync(source, Friday, FridayRates, CancellationToken.None));

        Assert.Equal("source", ex.Field);
        Assert.Equal(0, await CountRatesAsync());
    }

    [Fact]
    public async Task SaveAsync_RejectsARateDatedInTheFuture_SoItCannotPassForFresh()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Rates.SaveAsync(FxRateSources.Manual, StartTime.AddSeconds(1), [new NewFxRate("USD", "JPY", 150m)], CancellationToken.None));

        Assert.Equal("as_of", ex.Field);
        Assert.Equal(0, await CountRatesAsync());
    }

    [Fact]
    public async Task SaveAsync_AcceptsARateDatedNow()
    {
        var saved = await Rates.SaveAsync(FxRateSources.Manual, StartTime, [new NewFxRate("USD", "JPY", 150m)], CancellationToken.None);

        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task GetLatestAsync_ReturnsTheNewestRateOfExactlyThatPair()
    {
        await Rates.SaveAsync(FxRateSources.Ecb, Friday.AddDays(-1), [new NewFxRate("EUR", "USD", 1.0700m)], CancellationToken.None);
        await Rates.SaveAsync(FxRateSources.Ecb, Friday, [new NewFxRate("EUR", "USD", 1.0812m)], CancellationToken.None);
        await Rates.SaveAsync(FxRateSources.Ecb, Friday.AddDays(-2), [new NewFxRate("EUR", "USD", 1.0600m)], CancellationToken.None);
        await Rates.SaveAsync(FxRateSources.Manual, StartTime, [new NewFxRate("USD", "EUR", 0.93m)], CancellationToken.None);

        var latest = await Rates.GetLatestAsync("EUR", "USD", CancellationToken.None);

        Assert.Equal(1.0812m, latest!.Rate);
        Assert.Equal(Friday, latest.AsOf);
    }

    [Fact]
    public async Task GetLatestAsync_ReturnsNull_WhenThePairWasNeverSaved()
    {
        await Rates.SaveAsync(FxRateSources.Ecb, Friday, FridayRates, CancellationToken.None);

        Assert.Null(await Rates.GetLatestAsync("JPY", "USD", CancellationToken.None));
    }

    [Fact]
    public async Task ListLatestAsync_ReturnsTheNewestRateOfEveryPair_OrderedByPair()
    {
        await Rates.SaveAsync(FxRateSources.Ecb, Friday.AddDays(-1), [new NewFxRate("EUR", "USD", 1.07m), new NewFxRate("EUR", "JPY", 160m)], CancellationToken.None);
        await Rates.SaveAsync(FxRateSources.Ecb, Friday, [new NewFxRate("EUR", "USD", 1.0812m)], CancellationToken.None);
        await Rates.SaveAsync(FxRateSources.Manual, StartTime, [new NewFxRate("USD", "JPY", 150m)], CancellationToken.None);

        var latest = await Rates.ListLatestAsync(CancellationToken.None);

        Assert.Equal(
            [
                new StoredFxRate("EUR", "JPY", 160m, "ecb", Friday.AddDays(-1), StartTime),
                new StoredFxRate("EUR", "USD", 1.0812m, "ecb", Friday, StartTime),
                new StoredFxRate("USD", "JPY", 150m, "manual", StartTime, StartTime),
            ],
            latest);
    }

    [Fact]
    public async Task ListLatestAsync_ReturnsNothing_WhenNoRateWasSaved()
    {
        Assert.Empty(await Rates.ListLatestAsync(CancellationToken.None));
    }

    private async Task<long> CountRatesAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM fx_rates");
    }
}
