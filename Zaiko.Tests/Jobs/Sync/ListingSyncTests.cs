using System.Text.Json;
using Hangfire;
using Zaiko.Data.Listings;
using Zaiko.Data.Products;
using Zaiko.Jobs.Sync;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Sync;

[Collection(PipelineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ListingSyncTests(PipelineFixture pipeline) : IAsyncLifetime
{
    public Task InitializeAsync() => pipeline.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StockOut_ReachesQuantityZeroOnAllThreeChannels()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        var listings = pipeline.Services.GetRequiredService<ListingStore>();
        await pipeline.Sandbox.PutEbayOfferAsync(new { sku = "E-" + offer.AuctionId, offerId = "7" + offer.AuctionId[1..], quantity = 1, price = 29.99m, currency = "USD" });
        await pipeline.Sandbox.PutAmazonListingAsync(new { sku = "A-" + offer.AuctionId, asin = "B0ZAIKO001", title = "テスト", price = 3980m, currency = "JPY", quantity = 1 });
        var ebay = await listings.AddAsync(new NewListing(offer.ProductId, "ebay", "USD")
        {
            EbaySku = "E-" + offer.AuctionId, EbayOfferId = "7" + offer.AuctionId[1..], ConfirmedQuantity = 1, ConfirmedPrice = 29.99m,
        }, "test", CancellationToken.None);
        var amazon = await listings.AddAsync(new NewListing(offer.ProductId, "amazon", "JPY")
        {
            AmazonSellerSku = "A-" + offer.AuctionId, ConfirmedQuantity = 1, ConfirmedPrice = 3980m,
        }, "test", CancellationToken.None);
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { status = "closed" });

        await pipeline.RunCycleAsync();

        await pipeline.WaitAsync(async () =>
        {
            var all = await listings.ListForProductAsync(offer.ProductId, CancellationToken.None);
            return all.All(l => l.ConfirmedQuantity == 0 && l.SyncState == "idle") ? all : null;
        }, "every listing confirmed at quantity 0", seconds: 60);
        Assert.Equal(0, await SandboxQuantityAsync("ebay", "offerId", "7" + offer.AuctionId[1..], offer => offer.GetProperty("availableQuantity").GetInt32()));
        Assert.Equal(0, await SandboxQuantityAsync("amazon-listings", "sku", "A-" + offer.AuctionId, listing => listing.GetProperty("quantity").GetInt32()));
        Assert.Equal(0, await SandboxQuantityAsync("mercari", "id", "m" + offer.AuctionId, product => product.GetProperty("variants")[0].GetProperty("stockQuantity").GetInt32()));
        Assert.Contains(ebay.Id, (await listings.ListForProductAsync(offer.ProductId, CancellationToken.None)).Select(l => l.Id));
        Assert.Contains(amazon.Id, (await listings.ListForProductAsync(offer.ProductId, CancellationToken.None)).Select(l => l.Id));
    }

    [Fact]
    public async Task Sweep_PushesAgain_AListingLeftSyncingByAKilledWorker()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        var listings = pipeline.Services.GetRequiredService<ListingStore>();
        await pipeline.RunCycleAsync();
        await using (var connection = await pipeline.Database.DataSource.OpenConnectionAsync())
        {
            // What a worker killed between push and confirm leaves behind: desired 0, syncing under a lease that ran out.
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                UPDATE listing_platforms SET desired_quantity = 0, sync_state = 'syncing', sync_lease_until = now() - interval '1 minute'
                WHERE id = @id
                """, new { id = offer.ListingId });
        }

        using (var scope = pipeline.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyncSweepJob>().RunAsync(CancellationToken.None);
        }

        var listing = await listings.GetAsync(offer.ListingId, CancellationToken.None);
        Assert.Equal((0, "idle"), (listing!.ConfirmedQuantity!.Value, listing.SyncState));
        Assert.Equal(0, await SandboxQuantityAsync("mercari", "id", "m" + offer.AuctionId, product => product.GetProperty("variants")[0].GetProperty("stockQuantity").GetInt32()));
    }

    [Fact]
    public async Task Reconcile_RepairsDriftMadeOnTheChannel_AndCountsIt()
    {
        var offer = (await pipeline.SeedOffersAsync(3))[1];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.PatchMercariProductAsync("m" + offer.AuctionId, new { stock = 7 });

        using (var scope = pipeline.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReconcileJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SyncSweepJob>().RunAsync(CancellationToken.None);
        }

        var run = (await pipeline.Services.GetRequiredService<Zaiko.Data.Executions.ExecutionQueries>().ListRecentAsync("reconcile", 1, CancellationToken.None)).Single();
        using var details = JsonDocument.Parse(run.Details);
        Assert.Equal((3, 2), (details.RootElement.GetProperty("checked").GetInt32(), details.RootElement.GetProperty("matching").GetInt32()));
        Assert.Equal(1, details.RootElement.GetProperty("drift").GetProperty("mercari").GetInt32());
        Assert.Equal(1, await SandboxQuantityAsync("mercari", "id", "m" + offer.AuctionId, product => product.GetProperty("variants")[0].GetProperty("stockQuantity").GetInt32()));
    }

    private async Task<int> SandboxQuantityAsync(string target, string key, string value, Func<JsonElement, int> quantity)
    {
        var catalog = await pipeline.Sandbox.CatalogAsync(target, 0, 1000);
        var item = catalog.GetProperty("items").EnumerateArray().Single(i => i.GetProperty(key).GetString() == value);
        return quantity(item);
    }
}
