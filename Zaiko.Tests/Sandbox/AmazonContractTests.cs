using System.Net;
using System.Text.Json;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

[Trait("Category", "Shared")]
public sealed class AmazonContractTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private const string Contracts = "contracts/amazon-sp-api/";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutAmazonAsinAsync(new { asin = "B00V5DG6IQ", title = "デモ商品", lowestPrice = 1980, currency = "JPY", inStock = true, offerCount = 3 });
        await Sandbox.PutAmazonAsinAsync(new { asin = "B00551Q3CS", title = "デモ商品 2", lowestPrice = 5400, currency = "JPY", inStock = true, offerCount = 1 });
        await Sandbox.PutAmazonListingAsync(new { sku = "ZK-0001", asin = "B00V5DG6IQ", title = "デモ商品", price = 2480, currency = "JPY", quantity = 3 });
    }

    private static JsonElement Example(string file) => SharedContracts.ReadJson(Contracts + file);

    [Fact]
    public async Task LwaToken_HasTheDocumentedShape_WhenRefreshTokenIsValid()
    {
        using var response = await LwaTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        JsonShape.AssertConforms(body, SharedContracts.ReadJson("contracts/amazon-lwa/token-response.json"));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("Atza|", body.GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task GetItemOffers_MatchesTheOfficialExampleShape()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"products/pricing/v0/items/B00V5DG6IQ/offers?MarketplaceId={MarketplaceId}&ItemCondition=New");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batchBodies = Example("getItemOffersBatch-response-200.json").GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("body")).ToArray();
        JsonShape.AssertConforms(await JsonAsync(response), Example("getItemOffers-response-200-1.json"), [Example("getItemOffers-response-200-2.json"), .. batchBodies]);
    }

    [Fact]
    public async Task GetItemOffers_ReportsTheLowestPriceAndOfferCount()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"products/pricing/v0/items/B00V5DG6IQ/offers?MarketplaceId={MarketplaceId}&ItemCondition=New");

        var payload = (await JsonAsync(response)).GetProperty("payload");
        Assert.Equal(3, payload.GetProperty("Summary").GetProperty("TotalOfferCount").GetInt32());
        Assert.Equal(1980m, payload.GetProperty("Offers").EnumerateArray().Min(o => o.GetProperty("ListingPrice").GetProperty("Amount").GetDecimal()));
        Assert.Equal("JPY", payload.GetProperty("Offers")[0].GetProperty("ListingPrice").GetProperty("CurrencyCode").GetString());
    }

    [Fact]
    public async Task GetItemOffersBatch_MatchesTheOfficialExampleShape()
    {
        var body = Example("getItemOffersBatch-request.json");
        var requests = body.GetProperty("requests").EnumerateArray().Take(2).Select((r, i) => new
        {
            uri = $"/products/pricing/v0/items/{(i == 0 ? "B00V5DG6IQ" : "B00551Q3CS")}/offers",
            method = "GET",
            MarketplaceId,
            ItemCondition = r.GetProperty("ItemCondition").GetString(),
            CustomerType = r.GetProperty("CustomerType").GetString(),
        });

        using var response = await SpApiAsync(HttpMethod.Post, "batches/products/pricing/v0/itemOffers", new { requests });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var example = Example("getItemOffersBatch-response-200.json");
        JsonShape.AssertConforms(await JsonAsync(response), example,
            JsonDocument.Parse($$"""{"responses":[{"body":{{Example("getItemOffers-response-200-2.json").GetRawText()}}}]}""").RootElement);
    }

    [Fact]
    public async Task GetCompetitivePricing_MatchesTheOfficialExampleShape()
    {
        using var response = await SpApiAsync(HttpMethod.Get,
            $"products/pricing/v0/competitivePrice?MarketplaceId={MarketplaceId}&ItemType=Asin&Asins=B00V5DG6IQ,B00551Q3CS");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonShape.AssertConforms(await JsonAsync(response), Example("getCompetitivePricing-response-200-1.json"),
            Example("getCompetitivePricing-response-200-2.json"), Example("getCompetitivePricing-response-200-3.json"));
    }

    [Fact]
    public async Task GetPricing_MatchesTheOfficialExampleShape()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"products/pricing/v0/price?MarketplaceId={MarketplaceId}&ItemType=Sku&Skus=ZK-0001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonShape.AssertConforms(await JsonAsync(response), Example("getPricing-response-200-2.json"),
            Example("getPricing-response-200-1.json"), Example("getPricing-response-200-3.json"));
    }

    [Fact]
    public async Task GetListingsItem_MatchesTheOfficialExampleShape()
    {
        using var response = await SpApiAsync(HttpMethod.Get,
            $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}&includedData=summaries,offers,fulfillmentAvailability,issues");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var example = JsonSerializer.SerializeToElement(new
        {
            sku = "x",
            summaries = Example("getListingsItem-response-200.json").GetProperty("summaries"),
            offers = Example("getListingsItem-response-200.json").GetProperty("offers"),
            fulfillmentAvailability = Example("getListingsItem-response-200.json").GetProperty("fulfillmentAvailability"),
        });
        JsonShape.AssertConforms(await JsonAsync(response), example, Example("getListingsItem-response-200.json"));
    }

    [Fact]
    public async Task PatchListingsItem_MatchesTheOfficialExampleShape()
    {
        using var response = await SpApiAsync(HttpMethod.Patch, $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}",
            QuantityPatch(0));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonShape.AssertConforms(await JsonAsync(response), Example("patchListingsItem-response-200-1.json"));
    }

    [Fact]
    public async Task PatchListingsItem_ChangesQuantityAndPrice()
    {
        object[] patches =
        [
            new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity = 0 } } },
            new
            {
                op = "replace",
                path = "/attributes/purchasable_offer",
                value = new[] { new { marketplace_id = MarketplaceId, currency = "JPY", our_price = new[] { new { schedule = new[] { new { value_with_tax = 2980 } } } } } },
            },
        ];
        using var patched = await SpApiAsync(HttpMethod.Patch, $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}",
            new { productType = "PRODUCT", patches });

        using var response = await SpApiAsync(HttpMethod.Get,
            $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}&includedData=offers,fulfillmentAvailability");

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(0, body.GetProperty("fulfillmentAvailability")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("2980.00", body.GetProperty("offers")[0].GetProperty("price").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task PatchListingsItem_ReportsInvalid_WhenQuantityIsNegative()
    {
        var invalid = Example("patchListingsItem-response-200-3.json");

        using var response = await SpApiAsync(HttpMethod.Patch,
            $"listings/2021-08-01/items/{SellerId}/ZK-0001?marketplaceIds={MarketplaceId}&includedData=identifiers,issues", QuantityPatch(-1));

        var body = await JsonAsync(response);
        JsonShape.AssertConforms(body, WithoutEnforcements(invalid), invalid, Example("patchListingsItem-response-200-2.json"));
        Assert.Equal("INVALID", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetListingsItem_ReturnsTheErrorShape_WhenMarketplaceIdsAreMissing()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"listings/2021-08-01/items/{SellerId}/ZK-0001");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonShape.AssertConforms(await JsonAsync(response), Example("getListingsItem-response-400.json"));
    }

    [Fact]
    public async Task GetItemOffers_ReturnsTheErrorShape_WhenItemConditionIsMissing()
    {
        using var response = await SpApiAsync(HttpMethod.Get, $"products/pricing/v0/items/B00V5DG6IQ/offers?MarketplaceId={MarketplaceId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonShape.AssertConforms(await JsonAsync(response), Example("getItemOffers-response-400.json"));
    }

    private static object QuantityPatch(int quantity) => new
    {
        productType = "PRODUCT",
        patches = new[]
        {
            new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity } } },
        },
    };

    /// <summary>Enforcements describe Amazon's catalogue policing, which the sandbox does not simulate.</summary>
    private static JsonElement WithoutEnforcements(JsonElement example)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(example.GetRawText())!;
        foreach (var issue in node["issues"]!.AsArray())
        {
            issue!.AsObject().Remove("enforcements");
        }

        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
