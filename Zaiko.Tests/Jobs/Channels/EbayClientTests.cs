using System.Text.Json;
using Zaiko.Data;
using Zaiko.Jobs.Channels;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Channels;

public sealed class EbayClientTests(ChannelFixture fixture) : ChannelTest(fixture)
{
    private const string BulkPath = "/sell/inventory/v1/bulk_update_price_quantity";
    private const string TokenPath = "/identity/v1/oauth2/token";

    [Fact]
    public async Task PushAsync_SendsTwoCallsOf25And5_WhenThirtyListingsChange()
    {
        var updates = new List<ChannelUpdate>();
        for (var i = 1; i <= 30; i++)
        {
            await OfferAsync(i);
            updates.Add(new ChannelUpdate(Listing(i), i, 10m + i, "USD"));
        }

        var results = await Connector(ChannelPlatforms.Ebay).PushAsync(updates, CancellationToken.None);

        var calls = await RequestsAsync("ebay", BulkPath);
        Assert.All(results, result => Assert.True(result.Succeeded, result.Error));
        Assert.Equal(updates.Select(u => u.Listing.ListingId), results.Select(r => r.ListingId));
        Assert.Equal(2, calls.Count);
        AssertRequest(calls[0], "POST", BulkPath, "");
        AssertBody(ExpectedBulk(1, 25), calls[0]);
        AssertBody(ExpectedBulk(26, 30), calls[1]);
    }

    [Fact]
    public async Task PushAsync_SendsOnlyThePrice_WhenTheQuantityIsUnchanged()
    {
        await OfferAsync(1);

        await Connector(ChannelPlatforms.Ebay).PushAsync([new ChannelUpdate(Listing(1), null, 24.5m, "USD")], CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("ebay", BulkPath));
        AssertBody("""{"requests":[{"offers":[{"offerId":"5000000001","price":{"value":"24.50","currency":"USD"}}],"sku":"YA-1"}]}""", call);
    }

    [Fact]
    public async Task PushAsync_SendsOfferAndItemQuantityOnly_WhenThePriceIsHeld()
    {
        await OfferAsync(1);

        await Connector(ChannelPlatforms.Ebay).PushAsync([new ChannelUpdate(Listing(1), 0, null, "USD")], CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("ebay", BulkPath));
        AssertBody("""{"requests":[{"offers":[{"offerId":"5000000001","availableQuantity":0}],"sku":"YA-1","shipToLocationAvailability":{"quantity":0}}]}""", call);
    }

    [Fact]
    public async Task PushAsync_ReportsEachOutcome_WhenOneOfferIsUnknown()
    {
        await OfferAsync(1);
        await OfferAsync(3);
        ChannelUpdate[] updates =
        [
            new(Listing(1), 4, 12.99m, "USD"),
            new(new ChannelListingRef(2, EbaySku: "YA-2", EbayOfferId: "5000000002"), 4, 12.99m, "USD"),
            new(Listing(3), 4, 12.99m, "USD"),
        ];

        var results = await Connector(ChannelPlatforms.Ebay).PushAsync(updates, CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("ebay", BulkPath));
        Assert.Equal(207, call.GetProperty("status").GetInt32());
        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        Assert.Equal((2L, false, "25002"), (results[1].ListingId, results[1].Retryable, results[1].ErrorCode));
        Assert.Contains("Offer entity not found for offerId 5000000002", results[1].Error);
    }

    [Fact]
    public async Task PushAsync_FetchesANewToken_WhenTheCachedOneIsAMinuteFromExpiry()
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay);
        await connector.PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);
        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(2));
        Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(60));

        var results = await connector.PushAsync([new ChannelUpdate(Listing(1), 2, null, "USD")], CancellationToken.None);

        var requests = await RequestsAsync("ebay");
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal([TokenPath, BulkPath, TokenPath, BulkPath], requests.Select(r => r.GetProperty("path").GetString()));
        Assert.All(requests, r => Assert.Equal(200, r.GetProperty("status").GetInt32()));
        Assert.NotEqual(Header(requests[1], "authorization"), Header(requests[3], "authorization"));
    }

    [Fact]
    public async Task PushAsync_RefreshesTheTokenAndRepeatsTheCall_WhenEbayAnswers401()
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay);
        await connector.PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);
        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(3));

        var results = await connector.PushAsync([new ChannelUpdate(Listing(1), 2, null, "USD")], CancellationToken.None);

        var requests = await RequestsAsync("ebay");
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal(
            [(TokenPath, 200), (BulkPath, 200), (BulkPath, 401), (TokenPath, 200), (BulkPath, 200)],
            requests.Select(r => (r.GetProperty("path").GetString(), r.GetProperty("status").GetInt32())));
    }

    [Fact]
    public async Task PushAsync_ReportsNotRetryableInvalidGrant_WhenEbayRefusesTheRefreshToken()
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay, "Channels:Ebay:RefreshToken=v^1.1#revoked");

        var results = await connector.PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);

        Assert.Equal((false, false, "invalid_grant"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("eBay OAuth answered HTTP 400: the provided authorization refresh token is invalid or was issued to another client", results[0].Error);
        Assert.Empty(await RequestsAsync("ebay", BulkPath));
    }

    [Fact]
    public async Task PushAsync_ReportsRetryable_WhenEbayOAuthIsDown()
    {
        await OfferAsync(1);
        await Sandbox.SetFaultsAsync(new { target = "ebay", errorRate = 1.0, errorStatus = 503 });

        var results = await Connector(ChannelPlatforms.Ebay).PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);

        Assert.Equal((false, true, "503"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.StartsWith("eBay OAuth answered HTTP 503", results[0].Error);
        Assert.Empty(await RequestsAsync("ebay", BulkPath));
    }

    [Fact]
    public async Task PushAsync_SendsNothing_WhenNeitherValueChanges()
    {
        await OfferAsync(1);

        var results = await Connector(ChannelPlatforms.Ebay).PushAsync([new ChannelUpdate(Listing(1), null, null, "USD")], CancellationToken.None);

        Assert.True(results[0].Succeeded);
        Assert.Empty(await RequestsAsync("ebay"));
    }

    [Theory]
    [InlineData("errorRate", 503)]
    [InlineData("throttleRate", 429)]
    public async Task PushAsync_ReportsRetryable_WhenEbayFailsOrThrottles(string fault, int status)
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay);
        await connector.PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new Dictionary<string, object> { ["target"] = "ebay", [fault] = 1.0 });

        var results = await connector.PushAsync([new ChannelUpdate(Listing(1), 2, null, "USD")], CancellationToken.None);

        Assert.Equal((false, true), (results[0].Succeeded, results[0].Retryable));
        Assert.StartsWith($"eBay answered HTTP {status}", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay);
        await connector.PushAsync([new ChannelUpdate(Listing(1), 1, null, "USD")], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "ebay", malformedRate = 1.0 });

        var results = await connector.PushAsync([new ChannelUpdate(Listing(1), 2, null, "USD")], CancellationToken.None);

        Assert.Equal((false, false, "shape"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Contains("unexpected response shape", results[0].Error);
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheSmallerQuantityAndThePrice_OfOfferAndItem()
    {
        await Sandbox.PutEbayOfferAsync(new { sku = "YA-1", offerId = "5000000001", availableQuantity = 5, inventoryQuantity = 3, price = 31.99m, currency = "USD" });

        var states = await Connector(ChannelPlatforms.Ebay).ReadAsync([Listing(1)], CancellationToken.None);

        var reads = await RequestsAsync("ebay", "/sell/");
        Assert.Equal(new ChannelListingState(1, true, 3, 31.99m, "USD", null), states[0]);
        AssertRequest(reads[0], "GET", "/sell/inventory/v1/offer/5000000001", "");
        AssertRequest(reads[1], "GET", "/sell/inventory/v1/inventory_item/YA-1", "");
    }

    [Fact]
    public async Task ReadAsync_ReportsNotFound_WhenEbayDoesNotKnowTheOffer()
    {
        var states = await Connector(ChannelPlatforms.Ebay).ReadAsync([Listing(7)], CancellationToken.None);

        Assert.Equal(new ChannelListingState(7, false, null, null, null, null), states[0]);
    }

    [Fact]
    public async Task ReadAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        await OfferAsync(1);
        var connector = Connector(ChannelPlatforms.Ebay);
        await connector.ReadAsync([Listing(1)], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "ebay", malformedRate = 1.0 });

        var states = await connector.ReadAsync([Listing(1)], CancellationToken.None);

        Assert.False(states[0].Found);
        Assert.Contains("unexpected response shape", states[0].Error);
    }

    private static ChannelListingRef Listing(int number) => new(number, EbaySku: $"YA-{number}", EbayOfferId: OfferId(number));

    private static string OfferId(int number) => (5_000_000_000L + number).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<JsonElement> OfferAsync(int number) =>
        Sandbox.PutEbayOfferAsync(new { sku = $"YA-{number}", offerId = OfferId(number), quantity = 9, price = 99.99m, currency = "USD" });

    private static string ExpectedBulk(int first, int last) => JsonSerializer.Serialize(new
    {
        requests = Enumerable.Range(first, last - first + 1).Select(i => new
        {
            offers = new[] { new { offerId = OfferId(i), availableQuantity = i, price = new { value = $"{10 + i}.00", currency = "USD" } } },
            sku = $"YA-{i}",
            shipToLocationAvailability = new { quantity = i },
        }),
    });
}
