using System.Net;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class AmazonAuthTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private const string OffersPath = $"products/pricing/v0/items/B00V5DG6IQ/offers?MarketplaceId={MarketplaceId}&ItemCondition=New";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutAmazonAsinAsync(new { asin = "B00V5DG6IQ", title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });
    }

    [Fact]
    public async Task LwaToken_ReturnsInvalidGrant_WhenRefreshTokenIsWrong()
    {
        using var response = await LwaTokenAsync(refreshToken: "Atzr|wrong");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task LwaToken_ReturnsInvalidClient_WhenClientSecretIsWrong()
    {
        using var response = await LwaTokenAsync(clientSecret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task LwaToken_IssuesAGrantlessToken_WhenGrantIsClientCredentials()
    {
        using var response = await Client.PostAsync("auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "sellingpartnerapi::notifications",
            ["client_id"] = LwaClientId,
            ["client_secret"] = LwaClientSecret,
        }));

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sellingpartnerapi::notifications", body.GetProperty("scope").GetString());
        Assert.False(body.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task SpApi_Returns403_WhenAccessTokenIsMissing()
    {
        using var response = await Client.GetAsync(OffersPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Unauthorized", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SpApi_Returns403Expired_WhenAccessTokenIsOlderThanAnHour()
    {
        var token = await AmazonAccessTokenAsync();

        await Sandbox.AdvanceClockAsync(TimeSpan.FromSeconds(3601));
        using var response = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task SpApi_Accepts_WhenTokenIsJustUnderAnHourOld()
    {
        var token = await AmazonAccessTokenAsync();

        await Sandbox.AdvanceClockAsync(TimeSpan.FromSeconds(3500));
        using var response = await SpApiAsync(HttpMethod.Get, OffersPath, token: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetListingsItem_Returns403_WhenSellerIsNotOurs()
    {
        await Sandbox.PutAmazonListingAsync(new { sku = "ZK-0001", asin = "B00V5DG6IQ", title = "デモ", price = 2000, quantity = 1 });

        using var response = await SpApiAsync(HttpMethod.Get, $"listings/2021-08-01/items/AOTHERSELLER00/ZK-0001?marketplaceIds={MarketplaceId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetListingsItem_Returns404_WhenSkuIsUnknown()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"listings/2021-08-01/items/{SellerId}/NOPE?marketplaceIds={MarketplaceId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
