using Zaiko.Data;
using Zaiko.Data.Inventory;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class InventoryStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AddAsync_StoresAnActiveMonitoredOffer()
    {
        var (product, offer) = await CreateOfferAsync("SKU-9", "o1202015332");

        var stored = await Inventory.GetAsync(offer.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(product.Id, stored.ProductId);
        Assert.Equal("yahoo", stored.SourcePlatform);
        Assert.Equal("o1202015332", stored.SourceProductId);
        Assert.Equal("active", stored.UrlStatus);
        Assert.True(stored.MonitoringEnabled);
        Assert.Equal(0, stored.ConsecutiveFailures);
        Assert.Equal("JPY", stored.Currency);
        Assert.Equal(StartTime, stored.CreatedAt);
    }

    [Fact]
    public async Task AddAsync_RejectsTheSameOfferTwice_NamingTheField()
    {
        var (product, _) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Inventory.AddAsync(
            new NewOffer(product.Id, "yahoo", "https://auctions.yahoo.co.jp/jp/auction/o1202015332", "o1202015332"), "test", CancellationToken.None));

        Assert.Equal("source_product_id", ex.Field);
    }

    [Fact]
    public async Task AddAsync_RejectsAnUnknownProduct_NamingTheField()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Inventory.AddAsync(
            new NewOffer(4242, "yahoo", "https://auctions.yahoo.co.jp/jp/auction/o1", "o1"), "test", CancellationToken.None));

        Assert.Equal("product_id", ex.Field);
    }

    [Theory]
    [InlineData("rakuten", "https://example.com/x", "x", "source_platform")]
    [InlineData("yahoo", "not a url", "x", "source_url")]
    [InlineData("yahoo", "https://auctions.yahoo.co.jp/jp/auction/x", "", "source_product_id")]
    public async Task AddAsync_RejectsInvalidInput_NamingTheField(string platform, string url, string id, string field)
    {
        var (product, _) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Inventory.AddAsync(new NewOffer(product.Id, platform, url, id), "test", CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task ListMonitoredAsync_PagesThroughMonitoredOffersOfOnePlatform_InIdOrder()
    {
        var product = await Products.CreateAsync(new Zaiko.Data.Products.NewProduct("P", "p"), "test", CancellationToken.None);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var offer = await Inventory.AddAsync(new NewOffer(product.Id, "yahoo", $"https://auctions.yahoo.co.jp/jp/auction/x10000000{i}", $"x10000000{i}"), "test", CancellationToken.None);
            ids.Add(offer.Id);
        }

        await Inventory.AddAsync(new NewOffer(product.Id, "amazon", "https://www.amazon.co.jp/dp/B000000001", "B000000001"), "test", CancellationToken.None);
        await Inventory.SetMonitoringAsync(ids[2], false, "test", CancellationToken.None);

        var first = await Inventory.ListMonitoredAsync("yahoo", false, 0, 2, CancellationToken.None);
        var second = await Inventory.ListMonitoredAsync("yahoo", false, first[^1].Id, 2, CancellationToken.None);
        var third = await Inventory.ListMonitoredAsync("yahoo", false, second[^1].Id, 2, CancellationToken.None);

        Assert.Equal([ids[0], ids[1]], first.Select(o => o.Id));
        Assert.Equal([ids[3], ids[4]], second.Select(o => o.Id));
        Assert.Empty(third);
        Assert.All(first.Concat(second), o => Assert.Equal("P", o.Sku));
    }

    [Fact]
    public async Task CountMonitoredAsync_CountsOnlyEnabledOffersOfThePlatform()
    {
        var (_, offer) = await CreateOfferAsync("A", "a100000001");
        await CreateOfferAsync("B", "a100000002");
        await Inventory.SetMonitoringAsync(offer.Id, false, "test", CancellationToken.None);

        Assert.Equal(1, await Inventory.CountMonitoredAsync("yahoo", CancellationToken.None));
        Assert.Equal(0, await Inventory.CountMonitoredAsync("amazon", CancellationToken.None));
    }

    [Fact]
    public async Task SetMonitoringAsync_RecordsWhoChangedIt_AndReturnsFalseForAnUnknownOffer()
    {
        var (_, offer) = await CreateOfferAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await Inventory.SetMonitoringAsync(offer.Id, false, "staff:ito", CancellationToken.None));
        Assert.False(await Inventory.SetMonitoringAsync(99999, false, "staff:ito", CancellationToken.None));

        var stored = await Inventory.GetAsync(offer.Id, CancellationToken.None);
        Assert.False(stored!.MonitoringEnabled);
        Assert.Equal("staff:ito", stored.UpdatedBy);
        Assert.Equal(StartTime.AddHours(1), stored.UpdatedAt);
    }
}
