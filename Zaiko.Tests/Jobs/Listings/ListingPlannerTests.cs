using System.Text.Json;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Fx;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Listings;
using Zaiko.Jobs.Settings;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Listings;

/// <summary>The seam every listing decision goes through: a check's plan inside its transaction, a person's re-plan in its own.</summary>
public sealed class ListingPlannerTests(PostgresDatabase database) : DatabaseTest(database)
{
    private readonly Mock<IBackgroundJobClient> jobs = new();

    private ListingStore Listings => new(Database.DataSource, Clock);

    private PriceRuleStore Rules => new(Database.DataSource, Clock);

    [Fact]
    public async Task ReplanAsync_ApprovesAHeldPrice_AndStartsItsPush()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 2, priceJpy: 2000m);
        await SetListingAsync(listing, "price_hold_reason = 'price_spike: 1000 → 2000 JPY (+100.0 %, threshold ±30 %)', confirmed_price = 1000");

        var result = await Planner().ReplanAsync(productId, new ReplanDecision.ApprovePrice(listing), "staff@example.jp", CancellationToken.None);

        var stored = await Listings.GetAsync(listing, CancellationToken.None);
        Assert.Null(stored!.PriceHoldReason);
        Assert.Equal((2000m, SyncStates.Pending, "staff@example.jp"), (stored.DesiredPrice!.Value, stored.SyncState, stored.UpdatedBy));
        Assert.Equal([listing], result.Pending);
        using var reason = JsonDocument.Parse(stored.DesiredReason!);
        Assert.Equal($"approve the price of listing {listing}", reason.RootElement.GetProperty("decision").GetString());
        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.Is<EnqueuedState>(s => s.Queue == "sync")), Times.Once);
    }

    [Fact]
    public async Task ReplanAsync_LowersTheQuantity_WhenTheBufferGrows()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 3, priceJpy: 1000m);

        await Planner().ReplanAsync(productId, new ReplanDecision.SetListingLimits(listing, 2, null), "staff@example.jp", CancellationToken.None);

        var stored = await Listings.GetAsync(listing, CancellationToken.None);
        Assert.Equal((2, 1, SyncStates.Pending), (stored!.BufferStock, stored.DesiredQuantity!.Value, stored.SyncState));
    }

    [Fact]
    public async Task ReplanAsync_PushesZeroOnTheCriticalQueue_WhenAPersonsDecisionEmptiesAListing()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m);
        await Planner().ReplanAsync(productId, new ReplanDecision.Recompute("first plan"), "staff@example.jp", CancellationToken.None);
        await SetListingAsync(listing, "confirmed_quantity = 1, sync_state = 'idle'");

        await Planner().ReplanAsync(productId, new ReplanDecision.SetListingLimits(listing, 1, null), "staff@example.jp", CancellationToken.None);

        Assert.Equal(0, (await Listings.GetAsync(listing, CancellationToken.None))!.DesiredQuantity);
        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.Is<EnqueuedState>(s => s.Queue == "critical")), Times.Once);
    }

    [Fact]
    public async Task ReplanAsync_LinksAListing_AndPlansItAtOnce()
    {
        var (productId, _) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);

        var result = await Planner().ReplanAsync(productId,
            new ReplanDecision.LinkListing(new NewListing(productId, "mercari", "JPY") { MercariProductId = "m1" }), "staff@example.jp", CancellationToken.None);

        var linked = await Listings.GetAsync(result.LinkedListingId!.Value, CancellationToken.None);
        Assert.Equal(("mercari", 2, 1000m, SyncStates.Pending), (linked!.Platform, linked.DesiredQuantity!.Value, linked.DesiredPrice!.Value, linked.SyncState));
        Assert.Equal(2, result.Listings.Count);
    }

    [Fact]
    public async Task ReplanAsync_AcceptsTheProductNowAtTheSource_WithStockUnknownUntilTheNextCheck()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);
        await Planner().ReplanAsync(productId, new ReplanDecision.Recompute("first plan"), "test", CancellationToken.None);
        await SetListingAsync(listing, "confirmed_quantity = 2");
        await SetOfferAsync(productId, "url_status = 'changed'");
        await SetListingAsync(listing, "sync_state = 'held', hold_reason = 'product_changed: the page now shows a different product'");

        await Planner().ReplanAsync(productId, new ReplanDecision.AcceptSourceChange(), "staff@example.jp", CancellationToken.None);

        var offer = (await Inventory.GetAsync(await OfferIdAsync(productId), CancellationToken.None))!;
        Assert.Equal((UrlStatuses.Active, null, null), (offer.UrlStatus, offer.TitleHash, offer.CurrentStock));
        var stored = await Listings.GetAsync(listing, CancellationToken.None);
        Assert.Null(stored!.HoldReason);
        Assert.Equal((2, SyncStates.Idle), (stored.DesiredQuantity!.Value, stored.SyncState));
        var history = await History.ListForProductAsync(productId, 10, CancellationToken.None);
        Assert.Contains(history, h => h.ChangeSource == ChangeSources.Manual && h.PreviousStatus == UrlStatuses.Changed && h.NewStatus == UrlStatuses.Active);
    }

    [Fact]
    public async Task ReplanAsync_RefusesToAcceptAChange_WhenNoOfferShowsOne()
    {
        var (productId, _) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Planner().ReplanAsync(productId, new ReplanDecision.AcceptSourceChange(), "staff@example.jp", CancellationToken.None));

        Assert.Equal("decision", ex.Field);
    }

    [Fact]
    public async Task ReplanAsync_HoldsTheQuantity_WhenMonitoringOfTheOnlyOfferPauses()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);
        await Planner().ReplanAsync(productId, new ReplanDecision.Recompute("first plan"), "test", CancellationToken.None);
        var offerId = await OfferIdAsync(productId);

        await Planner().ReplanAsync(productId, new ReplanDecision.SetMonitoring(offerId, false), "staff@example.jp", CancellationToken.None);

        Assert.False((await Inventory.GetAsync(offerId, CancellationToken.None))!.MonitoringEnabled);
        using var reason = JsonDocument.Parse((await Listings.GetAsync(listing, CancellationToken.None))!.DesiredReason!);
        Assert.True(reason.RootElement.GetProperty("quantity").GetProperty("held").GetBoolean());
        Assert.Equal(2, reason.RootElement.GetProperty("quantity").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task ReplanAsync_SavesTheProductsRule_AndPricesWithItInTheSameTransaction()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m);

        await Planner().ReplanAsync(productId, new ReplanDecision.SavePriceRule(null, PriceRuleValues.BuiltInDefault with { MarginPct = 50m }),
            "staff@example.jp", CancellationToken.None);

        Assert.Equal(50m, (await Rules.GetAsync(productId, null, CancellationToken.None))!.Values.MarginPct);
        Assert.Equal(1500m, (await Listings.GetAsync(listing, CancellationToken.None))!.DesiredPrice);
    }

    [Fact]
    public async Task ReplanAsync_WritesNothing_WhenTheDecisionIsInvalid()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m);
        var before = await Listings.GetAsync(listing, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Planner().ReplanAsync(productId,
            new ReplanDecision.SavePriceRule(null, PriceRuleValues.BuiltInDefault with { ChannelFeePct = -5m }), "staff@example.jp", CancellationToken.None));

        Assert.Equal("channel_fee_pct", ex.Field);
        Assert.Null(await Rules.GetAsync(productId, null, CancellationToken.None));
        Assert.Equal(before, await Listings.GetAsync(listing, CancellationToken.None));
        jobs.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReplanAsync_RefusesAListingOfAnotherProduct_AndChangesNeither()
    {
        var (productId, _) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m);
        var (_, otherListing) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m, sku: "SKU-2", auctionId: "o1202015333");

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Planner().ReplanAsync(productId, new ReplanDecision.SetListingLimits(otherListing, 5, null), "staff@example.jp", CancellationToken.None));

        Assert.Equal("listing_id", ex.Field);
        Assert.Contains("belongs to product", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Listings.GetAsync(otherListing, CancellationToken.None))!.BufferStock);
    }

    [Theory]
    [InlineData(-1, null, "buffer_stock")]
    [InlineData(0, -1, "max_quantity")]
    public async Task ReplanAsync_RefusesNegativeLimits_NamingTheField(int buffer, int? max, string field)
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 1, priceJpy: 1000m);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Planner().ReplanAsync(productId, new ReplanDecision.SetListingLimits(listing, buffer, max), "staff@example.jp", CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task ReplanAsync_RefusesAnUnknownProduct_AndAMissingActor()
    {
        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Planner().ReplanAsync(4242, new ReplanDecision.Recompute("test"), "staff@example.jp", CancellationToken.None));
        var anonymous = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Planner().ReplanAsync(4242, new ReplanDecision.Recompute("test"), " ", CancellationToken.None));

        Assert.Equal("product_id", unknown.Field);
        Assert.Equal("actor", anonymous.Field);
    }

    [Fact]
    public async Task ReplanAsync_StopsWaitingForAPush_WhenSyncIsPaused()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);
        await Planner().ReplanAsync(productId, new ReplanDecision.Recompute("first plan"), "test", CancellationToken.None);

        var result = await Planner().ReplanAsync(productId, new ReplanDecision.SetAutoSync(listing, false), "staff@example.jp", CancellationToken.None);

        var stored = await Listings.GetAsync(listing, CancellationToken.None);
        Assert.Equal((false, SyncStates.Idle), (stored!.AutoSyncEnabled, stored.SyncState));
        Assert.Empty(result.Listings);
    }

    [Fact]
    public async Task PlanAsync_ReadsRulesAndRatesOnTheCallersConnection_WhileHoldingItsLocks()
    {
        var (productId, listing) = await LiveProductWithListingAsync(stock: 2, priceJpy: 1000m);
        await SetListingAsync(listing, "currency = 'USD'");
        await new FxRateStore(Database.DataSource, Clock).SaveAsync(FxRateSources.Ecb, StartTime.AddHours(-3),
            [new NewFxRate("EUR", "JPY", 160m), new NewFxRate("EUR", "USD", 1.1m)], CancellationToken.None);
        // One connection in the pool: a planner that opened a second one for its reads would wait for the pool until it timed out.
        await using var single = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = 1, Timeout = 3 }.ConnectionString);
        await using var connection = await single.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var planned = await Planner(single).PlanAsync(connection, transaction, productId, SourceFindings.None, MonitoringSettings.Default, "stock-check", CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal((6.99m, SyncStates.Pending), (planned[0].Plan.Desired.Price!.Value, planned[0].SyncState));
    }

    private ListingPlanner Planner(NpgsqlDataSource? dataSource = null)
    {
        var source = dataSource ?? Database.DataSource;
        var products = new Zaiko.Data.Products.ProductStore(source, Clock);
        return new ListingPlanner(source, products, new ListingStore(source, Clock), new Zaiko.Data.Inventory.InventoryStore(source, Clock),
            new Zaiko.Data.History.StockHistoryStore(source, Clock), new PriceRuleStore(source, Clock), new FxRateStore(source, Clock),
            new MonitoringSettingsProvider(new SettingsStore(source, Clock), Clock), new SyncTrigger(jobs.Object, products), Clock,
            NullLogger<ListingPlanner>.Instance);
    }

    private async Task<(long ProductId, long ListingId)> LiveProductWithListingAsync(int stock, decimal priceJpy, string sku = "SKU-1", string auctionId = "o1202015332")
    {
        var (product, _) = await CreateOfferAsync(sku, auctionId);
        await SetOfferAsync(product.Id, "current_stock = @stock, current_price = @price, price_incl_tax = @price, last_checked_at = now()", new { stock, price = priceJpy });
        var listing = await Listings.AddAsync(new NewListing(product.Id, "ebay", "JPY") { EbaySku = "E-" + sku, EbayOfferId = "7" + auctionId[1..], ConfirmedQuantity = 0 },
            "test", CancellationToken.None);
        return (product.Id, listing.Id);
    }

    private async Task<long> OfferIdAsync(long productId)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM inventory_management WHERE product_id = @productId", new { productId });
    }

    private async Task SetOfferAsync(long productId, string assignments, object? values = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var parameters = new DynamicParameters(values);
        parameters.Add("productId", productId);
        await connection.ExecuteAsync($"UPDATE inventory_management SET {assignments} WHERE product_id = @productId", parameters);
    }

    private async Task SetListingAsync(long listingId, string assignments)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"UPDATE listing_platforms SET {assignments} WHERE id = @listingId", new { listingId });
    }
}
