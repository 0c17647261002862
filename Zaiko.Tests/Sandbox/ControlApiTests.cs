using System.Diagnostics;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class ControlApiTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    [Fact]
    public async Task Seed_Creates100000YahooItems_EachServedAsAPage()
    {
        var result = await Sandbox.SeedAsync(yahoo: 100_000, seed: 3);

        Assert.Equal(100_000, result.GetProperty("counts").GetProperty("yahoo").GetInt32());
        Assert.Equal(100_000, (await Sandbox.CatalogAsync("yahoo")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Seed_IsDeterministic_ForTheSameSeed()
    {
        var first = await Sandbox.SeedAsync(yahoo: 20, amazon: 5, ebay: 5, mercari: 5, seed: 11);
        var firstItem = (await Sandbox.CatalogAsync("yahoo")).GetProperty("items")[7];
        await Sandbox.ResetAsync();

        var second = await Sandbox.SeedAsync(yahoo: 20, amazon: 5, ebay: 5, mercari: 5, seed: 11);

        var secondItem = (await Sandbox.CatalogAsync("yahoo")).GetProperty("items")[7];
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(firstItem.GetProperty("title").GetString(), secondItem.GetProperty("title").GetString());
        Assert.Equal(firstItem.GetProperty("price").GetInt64(), secondItem.GetProperty("price").GetInt64());
    }

    [Fact]
    public async Task Seed_MirrorsYahooItemsOnEbayAndMercari()
    {
        await Sandbox.SeedAsync(yahoo: 3, ebay: 3, mercari: 3);

        var yahoo = (await Sandbox.CatalogAsync("yahoo")).GetProperty("items")[1];
        var ebay = (await Sandbox.CatalogAsync("ebay")).GetProperty("items")[1];
        var mercari = (await Sandbox.CatalogAsync("mercari")).GetProperty("items")[1];

        var auctionId = yahoo.GetProperty("auctionId").GetString();
        Assert.Equal("YA-" + auctionId, ebay.GetProperty("sku").GetString());
        Assert.Equal(yahoo.GetProperty("title").GetString(), mercari.GetProperty("name").GetString());
        Assert.Equal("YA-" + auctionId, mercari.GetProperty("variants")[0].GetProperty("skuCode").GetString());
    }

    [Fact]
    public async Task Catalog_PagesInCreationOrder()
    {
        await Sandbox.SeedAsync(yahoo: 10);
        var all = (await Sandbox.CatalogAsync("yahoo", 0, 10)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("auctionId").GetString()).ToList();

        var page = await Sandbox.CatalogAsync("yahoo", offset: 4, limit: 3);

        Assert.Equal(10, page.GetProperty("total").GetInt32());
        Assert.Equal(all.Skip(4).Take(3), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("auctionId").GetString()));
    }

    [Fact]
    public async Task Drift_ChangesSourceItemsOverTime()
    {
        await Sandbox.SeedAsync(yahoo: 5, seed: 5);
        var before = await YahooPricesAndTitlesAsync();

        await Sandbox.StartDriftAsync(6000, "price", "title");

        // Drift ticks on the sandbox's own timer: ask until a change shows, to a deadline.
        var after = await Poll.ForAsync(async () =>
        {
            var now = await YahooPricesAndTitlesAsync();
            return now.Any(item => !before.TryGetValue(item.Key, out var was) || was != item.Value) ? now : null;
        }, "a drifted price or title");
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
    }

    [Fact]
    public async Task Reset_RemovesEveryItem()
    {
        await Sandbox.SeedAsync(yahoo: 5, amazon: 5, ebay: 5, mercari: 5);

        await Sandbox.ResetAsync();

        var counts = (await Sandbox.SendAsync(HttpMethod.Get, "_sandbox/status", null)).GetProperty("counts");
        Assert.All(counts.EnumerateObject(), count => Assert.Equal(0, count.Value.GetInt32()));
    }

    [Fact]
    public async Task PatchYahooItem_Returns404_WhenAuctionIsUnknown()
    {
        using var response = await Client.PatchAsync("_sandbox/yahoo/items/o1202015332",
            System.Net.Http.Json.JsonContent.Create(new { price = 5 }));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Dictionary<string, (long Price, string Title)>> YahooPricesAndTitlesAsync() =>
        (await Sandbox.CatalogAsync("yahoo")).GetProperty("items").EnumerateArray().ToDictionary(
            item => item.GetProperty("auctionId").GetString()!,
            item => (item.GetProperty("price").GetInt64(), item.GetProperty("title").GetString()!));
}
