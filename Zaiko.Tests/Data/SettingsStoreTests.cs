using Zaiko.Data;
using Zaiko.Data.Settings;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class SettingsStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private SettingsStore Settings => new(Database.DataSource, Clock);

    public sealed record Thresholds(int PriceSpikePct, string Policy);

    [Fact]
    public async Task GetAsync_ReturnsTheFallback_WhenTheKeyWasNeverSet()
    {
        var value = await Settings.GetAsync("monitoring", new Thresholds(30, "hold"), CancellationToken.None);

        Assert.Equal(new Thresholds(30, "hold"), value);
    }

    [Fact]
    public async Task SetAsync_StoresANewVersion_AndKeepsThePreviousOne()
    {
        Assert.Equal(1, await Settings.SetAsync("monitoring", new Thresholds(30, "hold"), "admin:sato", CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(1));

        var version = await Settings.SetAsync("monitoring", new Thresholds(25, "zero"), "admin:ito", CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal(new Thresholds(25, "zero"), await Settings.GetAsync("monitoring", new Thresholds(0, ""), CancellationToken.None));
        var versions = await Settings.ListVersionsAsync("monitoring", CancellationToken.None);
        Assert.Equal([(2, "admin:ito"), (1, "admin:sato")], versions.Select(v => (v.Version, v.UpdatedBy)));
        Assert.Contains("\"priceSpikePct\":30", versions[1].Value.Replace(" ", ""));
    }

    [Fact]
    public async Task SetAsync_KeepsEveryVersion_WhenWritersRace()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Settings.SetAsync("race", new Thresholds(i, "hold"), $"writer-{i}", CancellationToken.None)));

        var versions = await Settings.ListVersionsAsync("race", CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 10).Reverse(), versions.Select(v => v.Version));
    }

    [Theory]
    [InlineData("Monitoring", "admin", "key")]
    [InlineData("monitoring", "", "updated_by")]
    public async Task SetAsync_RejectsInvalidInput_NamingTheField(string key, string actor, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Settings.SetAsync(key, new Thresholds(1, "x"), actor, CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task GetAsync_ExplainsWhichKeyIsBroken_WhenTheStoredJsonDoesNotFit()
    {
        await Settings.SetAsync("monitoring", "not an object", "admin", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Settings.GetAsync("monitoring", new Thresholds(1, "x"), CancellationToken.None));

        Assert.Contains("'monitoring'", ex.Message);
    }
}
