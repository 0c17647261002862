using Dapper;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Listings;
using Zaiko.Data.Products;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Sync;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Jobs.Channels;

namespace Zaiko.Tests.Jobs.Sync;

/// <summary>
/// How a push ends when the channel does not simply accept it: backing off, giving up, rejections, a channel
/// without credentials, holds, and nothing left to send. Real connectors against the sandbox, a fake clock.
/// </summary>
public sealed class ListingPusherTests(ChannelFixture fixture) : ChannelTest(fixture)
{
    [Fact]
    public async Task Push_KeepsTheListingPendingAndBacksOff_WhenTheChannelIsDown()
    {
        var listing = await MercariListingAsync("m-down");
        await Sandbox.SetFaultsAsync(new { target = "mercari", errorRate = 1.0, errorStatus = 503 });

        var first = await PushAsync(listing.Id);
        var afterFirst = await GetAsync(listing.Id);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var early = await PushAsync(listing.Id);
        Clock.Advance(TimeSpan.FromSeconds(6));
        var second = await PushAsync(listing.Id);
        var afterSecond = await GetAsync(listing.Id);

        Assert.Equal((0, 1, 0), (first.Pushed, first.Retrying, first.Failed));
        Assert.Equal(("pending", 1, StartTime.AddSeconds(10)), (afterFirst.SyncState, afterFirst.SyncAttempts, afterFirst.SyncLeaseUntil));
        Assert.StartsWith($"mercari rejected the update of listing {listing.Id}: ", afterFirst.LastSyncError);
        Assert.Equal((0, 0, 0), (early.Pushed, early.Retrying, early.Failed));
        Assert.Equal(1, second.Retrying);
        Assert.Equal((2, StartTime.AddSeconds(11 + 20)), (afterSecond.SyncAttempts, afterSecond.SyncLeaseUntil));
        Assert.Empty(await ErrorsAsync());
    }

    [Fact]
    public async Task Push_BacksOff_WhenTheChannelDoesNotAnswerInTime()
    {
        var listing = await MercariListingAsync("m-hang");
        await Sandbox.SetFaultsAsync(new { target = "mercari", hangRate = 1.0 });

        // The connectors' timeouts run on the (fake) clock: move it on until the attempt gives up.
        var push = PushAsync(listing.Id, "Channels:Mercari:Resilience:AttemptTimeoutSeconds=5");
        while (!push.IsCompleted)
        {
            await Task.Delay(50);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var stored = await GetAsync(listing.Id);
        Assert.Equal(1, (await push).Retrying);
        Assert.Equal(("pending", $"mercari rejected the update of listing {listing.Id}: Mercari Shops timed out (timeout)"), (stored.SyncState, stored.LastSyncError));
    }

    [Fact]
    public async Task Push_BacksOff_WhenTheChannelCannotBeReached()
    {
        var listing = await MercariListingAsync("m-unreachable");

        var summary = await PushAsync(listing.Id, "Sandbox:BaseUrl=http://127.0.0.1:1");

        var stored = await GetAsync(listing.Id);
        Assert.Equal(1, summary.Retrying);
        Assert.Equal("pending", stored.SyncState);
        Assert.StartsWith($"mercari rejected the update of listing {listing.Id}: Mercari Shops could not be reached: ", stored.LastSyncError);
        Assert.EndsWith("(network)", stored.LastSyncError);
    }

    [Fact]
    public async Task Push_FailsTheListingWithAnApiError_WhenTheLastAttemptFails()
    {
        var listing = await MercariListingAsync("m-last");
        await ExecuteAsync("UPDATE listing_platforms SET sync_attempts = @attempts WHERE id = @id", new { attempts = ListingPusher.MaxAttempts - 1, listing.Id });
        await Sandbox.SetFaultsAsync(new { target = "mercari", errorRate = 1.0, errorStatus = 503 });

        var summary = await PushAsync(listing.Id);

        var stored = await GetAsync(listing.Id);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(("failed", (DateTimeOffset?)null), (stored.SyncState, stored.SyncLeaseUntil));
        var error = Assert.Single(await ErrorsAsync());
        Assert.Equal((ErrorTypes.ApiError, Severities.High, "mercari", listing.Id, listing.ProductId),
            (error.ErrorType, error.Severity, error.Platform, error.ListingId, error.ProductId));
        Assert.EndsWith($"; gave up after {ListingPusher.MaxAttempts} attempts", error.Message);
        Assert.Equal(error.Message, stored.LastSyncError);
    }

    [Fact]
    public async Task Push_FailsAtOnceWithTheChannelsErrorCode_WhenTheChannelRejectsTheListing()
    {
        var product = await ProductAsync("e-unknown");
        var listing = await PendingAsync(new NewListing(product, "ebay", "USD")
        {
            EbaySku = "SKU-UNKNOWN", EbayOfferId = "999999999", ConfirmedQuantity = 1, ConfirmedPrice = 29.99m,
        }, desiredQuantity: 0);

        var summary = await PushAsync(listing.Id);

        Assert.Equal((0, 0, 1), (summary.Pushed, summary.Retrying, summary.Failed));
        Assert.Equal(("failed", 1), ((await GetAsync(listing.Id)).SyncState, (await GetAsync(listing.Id)).SyncAttempts));
        var error = Assert.Single(await ErrorsAsync());
        Assert.Equal((ErrorTypes.ApiError, "25002"), (error.ErrorType, error.ErrorCode));
        Assert.StartsWith($"ebay rejected the update of listing {listing.Id}: ", error.Message);
        Assert.DoesNotContain("gave up", error.Message);
    }

    [Fact]
    public async Task Push_FailsNamingTheMissingCredentials_WhenTheChannelHasNoConnector()
    {
        var product = await ProductAsync("a-off");
        var listing = await PendingAsync(new NewListing(product, "amazon", "JPY") { AmazonSellerSku = "A-OFF", ConfirmedQuantity = 1, ConfirmedPrice = 3980m }, desiredQuantity: 0);

        var summary = await PushAsync(listing.Id, "Channels:Amazon:ClientId=", "Channels:Amazon:ClientSecret=", "Channels:Amazon:RefreshToken=", "Channels:Amazon:SellerId=");

        Assert.Equal(1, summary.Failed);
        Assert.Equal("failed", (await GetAsync(listing.Id)).SyncState);
        Assert.Equal("no amazon connector is configured (credentials missing); the listing cannot be synced", Assert.Single(await ErrorsAsync()).Message);
        Assert.Empty(await RequestsAsync("amazon-listings"));
    }

    [Fact]
    public async Task Push_SettlesTheListingWithoutACall_WhenNothingDiffersAnyMore()
    {
        var listing = await MercariListingAsync("m-same", desiredQuantity: 1);

        var summary = await PushAsync(listing.Id);

        Assert.Equal((0, 0, 0), (summary.Pushed, summary.Retrying, summary.Failed));
        Assert.Equal("idle", (await GetAsync(listing.Id)).SyncState);
        Assert.Empty(await RequestsAsync("mercari"));
    }

    [Fact]
    public async Task Push_LeavesAHeldListingAlone_UntilItIsReleased()
    {
        var listing = await MercariListingAsync("m-held");
        await ExecuteAsync("UPDATE listing_platforms SET sync_state = 'held', hold_reason = 'product_changed' WHERE id = @Id", new { listing.Id });

        var summary = await PushAsync(listing.Id);

        Assert.Equal((0, 0, 0), (summary.Pushed, summary.Retrying, summary.Failed));
        Assert.Equal(("held", 1), ((await GetAsync(listing.Id)).SyncState, (await GetAsync(listing.Id)).ConfirmedQuantity!.Value));
        Assert.Empty(await RequestsAsync("mercari"));
    }

    [Fact]
    public async Task Push_SendsTheQuantityButNotAHeldPrice()
    {
        var listing = await MercariListingAsync("m-spike", desiredQuantity: 0, desiredPrice: 9990m);
        await ExecuteAsync("UPDATE listing_platforms SET price_hold_reason = 'price_spike' WHERE id = @Id", new { listing.Id });

        var summary = await PushAsync(listing.Id);

        var stored = await GetAsync(listing.Id);
        Assert.Equal(1, summary.Pushed);
        Assert.Equal((0, 3000m, "idle"), (stored.ConfirmedQuantity!.Value, stored.ConfirmedPrice!.Value, stored.SyncState));
        var body = Assert.Single(await RequestsAsync("mercari")).GetProperty("requestBody").GetString()!;
        Assert.Contains("\"stockQuantity\":0", body);
        Assert.DoesNotContain("price", body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<PushSummary> PushAsync(long listingId, params string[] settings) =>
        await Services(settings).GetRequiredService<ListingPusher>().PushAsync([listingId], CancellationToken.None);

    private async Task<Listing> MercariListingAsync(string name, int desiredQuantity = 0, decimal? desiredPrice = null)
    {
        await Sandbox.PutMercariProductAsync(new { id = name, name, price = 3000, variants = new[] { new { id = "v-" + name, skuCode = "SKU-" + name, stock = 1 } } });
        var product = await ProductAsync(name);
        return await PendingAsync(new NewListing(product, "mercari", "JPY")
        {
            MercariProductId = name, MercariVariantId = "v-" + name, ConfirmedQuantity = 1, ConfirmedPrice = 3000m,
        }, desiredQuantity, desiredPrice);
    }

    private async Task<long> ProductAsync(string name) =>
        (await new ProductStore(Database.DataSource, Clock).CreateAsync(new NewProduct("SKU-" + name, "商品 " + name), "test", CancellationToken.None)).Id;

    /// <summary>A listing as the planner leaves it: desired values written, pending.</summary>
    private async Task<Listing> PendingAsync(NewListing listing, int desiredQuantity, decimal? desiredPrice = null)
    {
        var added = await new ListingStore(Database.DataSource, Clock).AddAsync(listing, "test", CancellationToken.None);
        await ExecuteAsync("""
            UPDATE listing_platforms SET desired_quantity = @desiredQuantity, desired_price = coalesce(@desiredPrice, confirmed_price), sync_state = 'pending'
            WHERE id = @id
            """, new { added.Id, desiredQuantity, desiredPrice });
        return await GetAsync(added.Id);
    }

    private async Task<Listing> GetAsync(long id) => (await new ListingStore(Database.DataSource, Clock).GetAsync(id, CancellationToken.None))!;

    private async Task<IReadOnlyList<InventoryError>> ErrorsAsync() =>
        await new ErrorQueries(Database.DataSource).ListUnresolvedAsync(Severities.Low, 100, CancellationToken.None);

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
