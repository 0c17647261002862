using System.Net;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

/// <summary>The documented rates at scale 1: getItemOffers restores 0.5 request/s with a burst of 1, patchListingsItem 5/s with 5.</summary>
public sealed class AmazonRateLimitTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private const string OffersPath = $"products/pricing/v0/items/B00V5DG6IQ/offers?MarketplaceId={MarketplaceId}&ItemCondition=New";
    private string token = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutAmazonAsinAsync(new { asin = "B00V5DG6IQ", title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });
        await Sandbox.PutAmazonListingAsync(new { sku = "ZK-0001", asin = "B00V5DG6IQ", title = "デモ", price = 2000, quantity = 1 });
        await Sandbox.SetRateScaleAsync(1);
        token = await AmazonAccessTokenAsync();
    }

    [Fact]
    public async Task GetItemOffers_SendsTheRateLimitHeader_WhenAllowed()
    {
        using var response = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0.5", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.NotEmpty(response.Headers.GetValues("x-amzn-RequestId").Single());
    }

    [Fact]
    public async Task GetItemOffers_Returns429QuotaExceeded_AfterTheBurst()
    {
        using var first = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        using var second = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("QuotaExceeded", (await JsonAsync(second)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.NotEmpty(second.Headers.GetValues("x-amzn-RequestId").Single());
    }

    [Fact]
    [Trait("Category", "Shared")]
    public async Task GetItemOffers_429BodyMatchesTheOfficialShape()
    {
        using var first = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        using var second = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        JsonShape.AssertConforms(await JsonAsync(second), SharedContracts.ReadJson("contracts/amazon-sp-api/common-429-response-QuotaExceeded.json"));
    }

    [Fact]
    public async Task GetItemOffers_Recovers_AfterTheRestorePeriod()
    {
        using var first = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);
        using var throttled = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        // One token at 0.5 request/s: the sandbox's clock moved on by exactly the restore period, not slept past it.
        await Sandbox.AdvanceClockAsync(TimeSpan.FromSeconds(2));
        using var response = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PatchListingsItem_AllowsABurstOfFive_ThenReturns429()
    {
        var patch = new { productType = "PRODUCT", patches = new[] { new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { quantity = 1 } } } } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            SpApiAsync(HttpMethod.Patch, $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}", patch, token)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task RateLimits_AreKeptPerOperation()
    {
        using var offers = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        using var pricing = await SpApiAsync(HttpMethod.Get, $"products/pricing/v0/competitivePrice?MarketplaceId={MarketplaceId}&ItemType=Asin&Asins=B00V5DG6IQ", token: token);

        Assert.Equal(HttpStatusCode.OK, offers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pricing.StatusCode);
    }
}
