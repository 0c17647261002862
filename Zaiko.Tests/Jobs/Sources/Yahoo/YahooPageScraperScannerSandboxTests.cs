using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>The sandbox's item pages, in every state and layout, read the same with and without the DOM-free scanner.</summary>
public sealed class YahooPageScraperScannerSandboxTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private static readonly DateTimeOffset FetchedAt = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Parse_GivesTheDomsObservation_ForEverySeededPage()
    {
        var seeded = await Sandbox.SeedAsync(yahoo: 40, seed: 7);
        var catalog = await Sandbox.CatalogAsync("yahoo");
        var ids = catalog.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("auctionId").GetString()!).ToList();

        foreach (var id in ids)
        {
            await AssertSameObservationAsync(id);
        }

        Assert.True(ids.Count >= 40, $"seeded {seeded}, found {ids.Count}");
    }

    [Theory]
    [InlineData("next", "open", null, false, false)]
    [InlineData("next", "closed", null, false, false)]
    [InlineData("next", "open", 9800L, false, false)]
    [InlineData("next", "closed", null, false, true)]
    [InlineData("next", "deleted", null, false, false)]
    [InlineData("next", "open", null, true, false)]
    [InlineData("legacy", "open", 9800L, false, false)]
    [InlineData("legacy", "closed", null, false, false)]
    [InlineData("redesigned", "open", null, false, false)]
    public async Task Parse_GivesTheDomsObservation_ForEachPageState(string layout, string status, long? buyNowPrice, bool botWall, bool closedAs404)
    {
        const string AuctionId = "t1000000007";
        await Sandbox.PutYahooItemAsync(new
        {
            auctionId = AuctionId,
            title = "古雑誌グラビア『サンプル写真集』◆小B６判 <8ページ> & \"特典\"",
            price = 34840,
            buyNowPrice,
            quantity = 2,
            bids = 11,
            status,
            endTime = DateTimeOffset.UtcNow.AddDays(2),
            seller = "vendor001",
            layout,
            botWall,
            closedAs404,
        });

        var scanned = await AssertSameObservationAsync(AuctionId);

        // Only the legacy markup needs the DOM; pages without item data are scanned, then left to it.
        Assert.Equal(layout != "legacy", scanned);
    }

    /// <summary>Compares both paths for the page, as requested and as another auction; true when the scanner gave its parts.</summary>
    private async Task<bool> AssertSameObservationAsync(string auctionId)
    {
        using var response = await Client.GetAsync($"jp/auction/{auctionId}");
        var html = await response.Content.ReadAsStringAsync();
        var scraper = new YahooPageScraper();
        foreach (var requested in new[] { auctionId, "t1999999999" })
        {
            var observation = scraper.Parse(requested, (int)response.StatusCode, html, FetchedAt, 0);
            Assert.Equal(scraper.ParseWithDocument(requested, (int)response.StatusCode, html, FetchedAt, 0), observation);
        }

        return YahooMarkupScanner.TryScan(html) is not null;
    }
}
