using Zaiko.Data;
using Zaiko.Jobs.Channels;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Jobs.Channels;

public sealed class MercariClientTests(ChannelFixture fixture) : ChannelTest(fixture)
{
    private const string GraphQlPath = "/v1/graphql";
    private const string ReadQuery = "query ReadListing($id: ID!) { product(id: $id) { id price variants { id stockQuantity } } }";

    private static readonly ChannelListingRef Listing = new(1, MercariProductId: "mp-1", MercariVariantId: "mv-1");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutMercariProductAsync(new { id = "mp-1", name = "デモ商品", price = 4800, variants = new[] { new { id = "mv-1", skuCode = "YA-1", stock = 2 } } });
    }

    [Fact]
    public async Task PushAsync_SendsPriceAndStockMutations_WithBearerTokenAndUserAgent()
    {
        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, 0, 5200m, "JPY")], CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("mercari"));
        var product = await Sandbox.SendAsync(HttpMethod.Get, "_sandbox/mercari/products/mp-1", null);
        Assert.True(results[0].Succeeded, results[0].Error);
        AssertRequest(call, "POST", GraphQlPath, "");
        Assert.Equal(("Bearer " + SandboxTest.MercariToken, "Zaiko/1.0"), (Header(call, "authorization"), Header(call, "userAgent")));
        AssertBody("""
            {"query":"mutation UpdateListing($price: UpdateProductInput!, $stock: UpdateProductVariantStockInput!) { price: updateProduct(input: $price) { product { id price } userErrors { field message } } stock: updateProductVariantStock(input: $stock) { variant { id stockQuantity } userErrors { field message } } }",
             "variables":{"price":{"id":"mp-1","price":5200},"stock":{"variantId":"mv-1","stockQuantity":0}},
             "operationName":"UpdateListing"}
            """, call);
        Assert.Equal((5200, 0), (product.GetProperty("price").GetInt32(), product.GetProperty("variants")[0].GetProperty("stockQuantity").GetInt32()));
    }

    [Fact]
    public async Task PushAsync_SendsOnlyUpdateProduct_WhenTheQuantityIsUnchanged()
    {
        await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, null, 5200m, "JPY")], CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("mercari"));
        AssertBody("""
            {"query":"mutation UpdateListing($price: UpdateProductInput!) { price: updateProduct(input: $price) { product { id price } userErrors { field message } } }",
             "variables":{"price":{"id":"mp-1","price":5200}},
             "operationName":"UpdateListing"}
            """, call);
    }

    [Fact]
    public async Task PushAsync_UsesTheOnlyVariant_WhenTheListingNamesNone()
    {
        var withoutVariant = new ChannelListingRef(1, MercariProductId: "mp-1");

        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(withoutVariant, 7, null, "JPY")], CancellationToken.None);

        var calls = await RequestsAsync("mercari");
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal(2, calls.Count);
        AssertBody($$"""{"query":"{{ReadQuery}}","variables":{"id":"mp-1"},"operationName":"ReadListing"}""", calls[0]);
        Assert.Contains("\"stock\":{\"variantId\":\"mv-1\",\"stockQuantity\":7}", calls[1].GetProperty("requestBody").GetString());
    }

    [Fact]
    public async Task PushAsync_ReportsTheUserError_WhenThePriceIsBelowMercarisMinimum()
    {
        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, null, 100m, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "user-error"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("Mercari Shops refused the update: input.price: price must be between 300 and 9999999", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_ReportsTheGraphQlError_WhenMercariRefusesTheToken()
    {
        var connector = Connector(ChannelPlatforms.Mercari, "Channels:Mercari:AccessToken=revoked-token");

        var results = await connector.PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "UNAUTHENTICATED"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("Mercari Shops answered UNAUTHENTICATED: invalid or missing access token", results[0].Error);
    }

    [Fact]
    public async Task PushAsync_SendsNothing_WhenThePriceIsNotWholeYen()
    {
        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, null, 19.99m, "USD")], CancellationToken.None);

        Assert.Equal((false, false, "invalid-price"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Empty(await RequestsAsync("mercari"));
    }

    [Theory]
    [InlineData("errorRate", "INTERNAL_SERVER_ERROR")]
    [InlineData("throttleRate", "TOO_MANY_REQUESTS")]
    public async Task PushAsync_ReportsRetryable_WhenMercariFailsOrThrottles(string fault, string code)
    {
        await Sandbox.SetFaultsAsync(new Dictionary<string, object> { ["target"] = "mercari", [fault] = 1.0 });

        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, true, code), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
    }

    [Fact]
    public async Task PushAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        await Sandbox.SetFaultsAsync(new { target = "mercari", malformedRate = 1.0 });

        var results = await Connector(ChannelPlatforms.Mercari).PushAsync([new ChannelUpdate(Listing, 1, null, "JPY")], CancellationToken.None);

        Assert.Equal((false, false, "shape"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Contains("unexpected response shape", results[0].Error);
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheVariantsStockAndThePrice()
    {
        var states = await Connector(ChannelPlatforms.Mercari).ReadAsync([Listing], CancellationToken.None);

        var call = Assert.Single(await RequestsAsync("mercari"));
        Assert.Equal(new ChannelListingState(1, true, 2, 4800m, "JPY", null), states[0]);
        AssertBody($$"""{"query":"{{ReadQuery}}","variables":{"id":"mp-1"},"operationName":"ReadListing"}""", call);
    }

    [Fact]
    public async Task ReadAsync_ReportsNotFound_WhenMercariDoesNotKnowTheProduct()
    {
        var states = await Connector(ChannelPlatforms.Mercari).ReadAsync([new ChannelListingRef(3, MercariProductId: "mp-404")], CancellationToken.None);

        Assert.Equal(new ChannelListingState(3, false, null, null, null, null), states[0]);
    }

    [Fact]
    public async Task ReadAsync_ReportsUnexpectedShape_WhenTheAnswerIsTruncated()
    {
        await Sandbox.SetFaultsAsync(new { target = "mercari", malformedRate = 1.0 });

        var states = await Connector(ChannelPlatforms.Mercari).ReadAsync([Listing], CancellationToken.None);

        Assert.False(states[0].Found);
        Assert.Contains("unexpected response shape", states[0].Error);
    }
}
