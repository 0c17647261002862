using Zaiko.Data;
using Zaiko.Jobs.Channels;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Channels;

public sealed class AmazonListingsClientTests(ChannelFixture fixture) : ChannelTest(fixture)
{
    private const string ItemPath = "/listings/2021-08-01/items/A1ZAIKOSANDBOX/AMZ-1";
    private const string TokenPath = "/auth/o2/token";

    private static readonly ChannelListingRef Listing = new(1, AmazonSellerSku: "AMZ-1");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutAmazonListingAsync(new { sku = "AMZ-1", asin = "B0ZAIKO001", title = "デモ商品", price = 3980m, currency = "JPY", quantity = 2 });
    }

    [Fact]
    public async Task PushAsync_PatchesQuantityAndPrice_WhenAmazonAccepts()
    {
        var results = await Connector(ChannelPlatforms.Amazon).PushAsync([new ChannelUpdate(Listing, 5, 4280m, "JPY")], CancellationToken.None);

        var patch = Assert.Single(await RequestsAsync("amazon", "/listings/"));
        var listing = await Sandbox.SendAsync(HttpMethod.Get, "_sandbox/amazon/listings/AMZ-1", null);
        Assert.True(results[0].Succeeded, results[0].Error);
        AssertRequest(patch, "PATCH", ItemPath, "?marketplaceIds=A1VC38T7YXB528");
        AssertBody("""
            {"productType":"PRODUCT","patches":[
              {"op":"replace","path":"/attributes/fulfillment_availability","value":[{"fulfillment_channel_code":"DEFAULT","quantity":5}]},
              {"op":"replace","path":"/attributes/purchasable_offer","value":[{"marketplace_id":"A1VC38T7YXB528","currency":"JPY",
                "our_price":[{"schedule":[{"value_with_tax":4280}]}]}]}]}
            """, patch);
        Assert.Equal((5, 4280m), (listing.GetProperty("quantity").GetInt32(), listing.GetProperty("price").GetDecimal()));
    }

    [Fact]
    public async Task PushAsync_SendsOnlyTheQuantityPatch_WhenThePriceIsHeld()
    {
        await Connector(ChannelPlatforms.Amazon).PushAsync([new ChannelUpdate(Listing, 0, null, "JPY")], CancellationToken.None);

        var patch = Assert.Single(await RequestsAsync("amazon", "/listings/"));
        AssertBody("""
            {"productType":"PRODUCT","patches":[
              {"op":"replace","path":"/attributes/fulfillment_availability","value":[{"fulfillment_channel_code":"DEFAULT","quantity":0}]}]}
            """, patch);
    }

    [Fact]
    public async Task PushAsync_ReportsTheIssueText_WhenAmazonAnswersInvalid()
    {
        var results = await Connector(ChannelPlatforms.Amazon).PushAsync([new ChannelUpdate(Listing, -1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "90000900"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("Amazon answered INVALID: 90000900 The value of 'quantity' must be a whole number of 0 or more.", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_ReusesTheAccessToken_AcrossCalls()
    {
        var connector = Connector(ChannelPlatforms.Amazon);
        await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(58));

        await connector.PushAsync([new ChannelUpdate(Listing, 2, null, "JPY")], CancellationToken.None);

        var requests = await RequestsAsync("amazon");
        Assert.Equal([TokenPath, ItemPath, ItemPath], requests.Select(r => r.GetProperty("path").GetString()));
        Assert.Equal(Header(requests[1], "authorization"), Header(requests[2], "authorization"));
    }

    [Fact]
    public async Task PushAsync_RefreshesTheTokenAndRepeatsTheCall_WhenSpApiRefusesTheExpiredOne()
    {
        var connector = Connector(ChannelPlatforms.Amazon);
        await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);
        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(1));

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 2, null, "JPY")], CancellationToken.None);

        var requests = await RequestsAsync("amazon");
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal(
            [(TokenPath, 200), (ItemPath, 200), (ItemPath, 403), (TokenPath, 200), (ItemPath, 200)],
            requests.Select(r => (r.GetProperty("path").GetString(), r.GetProperty("status").GetInt32())));
    }

    [Fact]
    public async Task PushAsync_ReportsNotRetryableInvalidGrant_WhenLwaRefusesTheRefreshToken()
    {
        var connector = Connector(ChannelPlatforms.Amazon, "Channels:Amazon:RefreshToken=Atzr|IwEBIrevoked");

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "invalid_grant"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("Login with Amazon answered HTTP 400: The request has an invalid grant parameter : refresh_token", results[0].Error);
        Assert.Empty(await RequestsAsync("amazon", "/listings/"));
    }

    [Fact]
    public async Task PushAsync_ReportsNotRetryableInvalidClient_WhenLwaRefusesTheAppsSecret()
    {
        var connector = Connector(ChannelPlatforms.Amazon, "Channels:Amazon:ClientSecret=amzn1.oa2-cs.v1.wrong");

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "invalid_client"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("Login with Amazon answered HTTP 401: Client authentication failed", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_ReportsNotRetryable_WhenAmazonDoesNotKnowTheSku()
    {
        var unknown = new ChannelListingRef(9, AmazonSellerSku: "AMZ-404");

        var results = await Connector(ChannelPlatforms.Amazon).PushAsync([new ChannelUpdate(unknown, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "NOT_FOUND"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Contains("SKU 'AMZ-404' not found", results[0].Error);
    }

    [Theory]
    [InlineData("errorRate", 503)]
    [InlineData("throttleRate", 429)]
    public async Task PushAsync_ReportsRetryable_WhenSpApiFailsOrThrottles(string fault, int status)
    {
        var connector = Connector(ChannelPlatforms.Amazon);
        await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new Dictionary<string, object> { ["target"] = "amazon", [fault] = 1.0 });

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 2, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, true), (results[0].Succeeded, results[0].Retryable));
        Assert.StartsWith($"Amazon answered HTTP {status}", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        var connector = Connector(ChannelPlatforms.Amazon);
        await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "amazon", malformedRate = 1.0 });

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 2, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "shape"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Contains("unexpected response shape", results[0].Error);
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheMerchantQuantityAndOurPrice()
    {
        var states = await Connector(ChannelPlatforms.Amazon).ReadAsync([Listing], CancellationToken.None);

        var read = Assert.Single(await RequestsAsync("amazon", "/listings/"));
        Assert.Equal(new ChannelListingState(1, true, 2, 3980m, "JPY", null), states[0]);
        AssertRequest(read, "GET", ItemPath, "?marketplaceIds=A1VC38T7YXB528&includedData=attributes,fulfillmentAvailability");
    }

    [Fact]
    public async Task ReadAsync_ReportsNotFound_WhenAmazonDoesNotKnowTheSku()
    {
        var states = await Connector(ChannelPlatforms.Amazon).ReadAsync([new ChannelListingRef(4, AmazonSellerSku: "AMZ-404")], CancellationToken.None);

        Assert.Equal(new ChannelListingState(4, false, null, null, null, null), states[0]);
    }

    [Fact]
    public async Task ReadAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        var connector = Connector(ChannelPlatforms.Amazon);
        await connector.ReadAsync([Listing], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "amazon", malformedRate = 1.0 });

        var states = await connector.ReadAsync([Listing], CancellationToken.None);

        Assert.False(states[0].Found);
        Assert.Contains("unexpected response shape", states[0].Error);
    }
}
