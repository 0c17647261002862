using Zaiko.Data;
using Zaiko.Data.Listings;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class ListingStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private ListingStore Listings => new(Database.DataSource, Clock);

    [Fact]
    public async Task AddAsync_StoresAnIdleListing_WithWhatTheChannelShows()
    {
        var (product, _) = await CreateOfferAsync();

        var listing = await Listings.AddAsync(EbayListing(product.Id), "test", CancellationToken.None);

        Assert.Equal(("ebay", "idle", "USD"), (listing.Platform, listing.SyncState, listing.Currency));
        Assert.Equal((1, 12.99m), (listing.ConfirmedQuantity!.Value, listing.ConfirmedPrice!.Value));
        Assert.Equal(listing, await Listings.GetAsync(listing.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("shopee", "USD", "platform")]
    [InlineData("ebay", "usd", "currency")]
    public async Task AddAsync_RejectsInvalidInput_NamingTheField(string platform, string currency, string field)
    {
        var (product, _) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Listings.AddAsync(new NewListing(product.Id, platform, currency) { EbaySku = "s", EbayOfferId = "1" }, "test", CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task AddAsync_RequiresThePlatformsIds()
    {
        var (product, _) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Listings.AddAsync(new NewListing(product.Id, "ebay", "USD") { EbaySku = "s" }, "test", CancellationToken.None));

        Assert.Equal("ebay_offer_id", ex.Field);
    }

    [Fact]
    public async Task AddAsync_RejectsTheSameChannelListingTwice()
    {
        var (product, _) = await CreateOfferAsync();
        await Listings.AddAsync(EbayListing(product.Id), "test", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Listings.AddAsync(EbayListing(product.Id), "test", CancellationToken.None));

        Assert.Equal("listing", ex.Field);
    }

    [Theory]
    [InlineData(0, null, null, null, "pending")]
    [InlineData(1, 12.99, null, null, "idle")]
    [InlineData(1, 15.99, null, "price_spike: held", "idle")]
    [InlineData(0, null, "product_changed: x", null, "held")]
    public async Task SetDesiredAsync_DerivesTheSyncState(int quantity, double? price, string? hold, string? priceHold, string expected)
    {
        var listing = await CreateListingAsync();

        var state = await SetDesiredAsync(listing.Id, quantity, (decimal?)price, hold, priceHold);

        Assert.Equal(expected, state);
        var stored = await Listings.GetAsync(listing.Id, CancellationToken.None);
        Assert.Equal((quantity, hold, priceHold), (stored!.DesiredQuantity!.Value, stored.HoldReason, stored.PriceHoldReason));
        Assert.Contains("\"why\"", stored.DesiredReason);
    }

    [Fact]
    public async Task LeaseForSyncAsync_TakesPendingListingsOnce_UntilTheLeaseExpires()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 0, null, null, null);

        var first = await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(("syncing", 1), (first.Single().SyncState, first.Single().SyncAttempts));
        Assert.Empty(second);
        Assert.Equal(2, afterExpiry.Single().SyncAttempts);
    }

    [Fact]
    public async Task ConfirmPushAsync_MakesTheListingIdle_AndResetsAttempts()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 0, null, null, null);
        await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);

        var state = await Listings.ConfirmPushAsync(listing.Id, 0, null, CancellationToken.None);

        var stored = await Listings.GetAsync(listing.Id, CancellationToken.None);
        Assert.Equal("idle", state);
        Assert.Equal((0, 12.99m, 0, StartTime), (stored!.ConfirmedQuantity!.Value, stored.ConfirmedPrice!.Value, stored.SyncAttempts, stored.LastSyncedAt!.Value));
    }

    [Fact]
    public async Task ConfirmPushAsync_LeavesItPending_WhenTheRulesChangedDuringThePush()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 0, null, null, null);
        await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);
        await SetDesiredAsync(listing.Id, 3, null, null, null);

        var state = await Listings.ConfirmPushAsync(listing.Id, 0, null, CancellationToken.None);

        Assert.Equal("pending", state);
    }

    [Fact]
    public async Task RecordPushFailureAsync_BacksOff_ThenTheListingCanBeLeasedAgain()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 0, null, null, null);
        await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);

        await Listings.RecordPushFailureAsync(listing.Id, "HTTP 503", TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.Empty(await Listings.ListAwaitingPushAsync("ebay", 10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal([listing.Id], await Listings.ListAwaitingPushAsync("ebay", 10, CancellationToken.None));
        Assert.Equal([listing.Id], await Listings.ListAwaitingPushForProductAsync(listing.ProductId, CancellationToken.None));
        Assert.Equal("HTTP 503", (await Listings.GetAsync(listing.Id, CancellationToken.None))!.LastSyncError);
    }

    [Fact]
    public async Task RecordPushFailureAsync_FailsTheListing_WhenNoRetryIsWorthIt()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 0, null, null, null);
        await Listings.LeaseForSyncAsync([listing.Id], TimeSpan.FromMinutes(5), CancellationToken.None);

        await Listings.RecordPushFailureAsync(listing.Id, "unknown offer", null, CancellationToken.None);

        Assert.Equal("failed", (await Listings.GetAsync(listing.Id, CancellationToken.None))!.SyncState);
        Assert.Empty(await Listings.ListAwaitingPushAsync("ebay", 10, CancellationToken.None));
    }

    [Fact]
    public async Task RecordReconciliationAsync_MakesADriftedListingPending()
    {
        var listing = await CreateListingAsync();
        await SetDesiredAsync(listing.Id, 1, 12.99m, null, null);

        var state = await Listings.RecordReconciliationAsync(listing.Id, 5, 12.99m, CancellationToken.None);

        var stored = await Listings.GetAsync(listing.Id, CancellationToken.None);
        Assert.Equal("pending", state);
        Assert.Equal((5, StartTime), (stored!.ConfirmedQuantity!.Value, stored.LastReconciledAt!.Value));
    }

    [Fact]
    public async Task ListForReconcileAsync_PagesThroughActiveListingsOfOnePlatform()
    {
        var first = await CreateListingAsync();
        var second = await Listings.AddAsync(new NewListing(first.ProductId, "ebay", "USD") { EbaySku = "s2", EbayOfferId = "2" }, "test", CancellationToken.None);
        await Listings.AddAsync(new NewListing(first.ProductId, "mercari", "JPY") { MercariProductId = "m1" }, "test", CancellationToken.None);

        var page1 = await Listings.ListForReconcileAsync("ebay", 0, 1, CancellationToken.None);
        var page2 = await Listings.ListForReconcileAsync("ebay", page1[0].Id, 1, CancellationToken.None);

        Assert.Equal([first.Id, second.Id], page1.Concat(page2).Select(x => x.Id));
    }

    [Fact]
    public async Task LockForProductAsync_ReturnsTheProductsListings()
    {
        var listing = await CreateListingAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var locked = await Listings.LockForProductAsync(connection, transaction, listing.ProductId, CancellationToken.None);

        Assert.Equal([listing.Id], locked.Select(l => l.Id));
        Assert.Equal([listing.Id], (await Listings.ListForProductAsync(listing.ProductId, CancellationToken.None)).Select(l => l.Id));
    }

    private static NewListing EbayListing(long productId) =>
        new(productId, "ebay", "USD") { EbaySku = "YA-1", EbayOfferId = "5000001", ConfirmedQuantity = 1, ConfirmedPrice = 12.99m };

    private async Task<Listing> CreateListingAsync()
    {
        var (product, _) = await CreateOfferAsync();
        return await Listings.AddAsync(EbayListing(product.Id), "test", CancellationToken.None);
    }

    private async Task<string> SetDesiredAsync(long id, int quantity, decimal? price, string? hold, string? priceHold)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var state = await Listings.SetDesiredAsync(connection, transaction, new DesiredState(id, quantity, price, """{"why":"test"}""", hold, priceHold), "test", CancellationToken.None);
        await transaction.CommitAsync();
        return state;
    }
}
