using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>Product Pricing v0: getItemOffers, getItemOffersBatch, getCompetitivePricing and getPricing.</summary>
public static partial class PricingEndpoints
{
    private const int MaxBatch = 20;

    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/products/pricing/v0/items/{asin}/offers", GetItemOffers);
        app.MapPost("/batches/products/pricing/v0/itemOffers", GetItemOffersBatchAsync);
        app.MapGet("/products/pricing/v0/competitivePrice", GetCompetitivePricing);
        app.MapGet("/products/pricing/v0/price", GetPricing);
        return app;
    }

    [GeneratedRegex("^/products/pricing/v0/items/([A-Za-z0-9]{10})/offers$")]
    private static partial Regex OffersUri();

    private static IResult GetItemOffers(HttpContext context, string asin, SpApiGate gate, AmazonStore store)
    {
        if (gate.Check(context, SpApiRateLimits.GetItemOffers) is { } refused)
        {
            return refused;
        }

        var query = context.Request.Query;
        var (status, body) = ItemOffers(store, asin, query["MarketplaceId"].ToString(), query["ItemCondition"].ToString());
        return SandboxJson.Json(body, status);
    }

    private static async Task<IResult> GetItemOffersBatchAsync(HttpContext context, SpApiGate gate, AmazonStore store, SandboxClock clock,
        CancellationToken cancellationToken)
    {
        if (gate.Check(context, SpApiRateLimits.GetItemOffersBatch) is { } refused)
        {
            return refused;
        }

        JsonElement requests;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            requests = document.RootElement.GetProperty("requests").Clone();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return SpApiErrors.InvalidInput("Invalid Input");
        }

        if (requests.ValueKind != JsonValueKind.Array || requests.GetArrayLength() is 0 or > MaxBatch)
        {
            return SpApiErrors.InvalidInput($"requests must hold 1 to {MaxBatch} items");
        }

        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var responses = new List<object>();
        foreach (var request in requests.EnumerateArray())
        {
            var uri = Text(request, "uri");
            var marketplaceId = Text(request, "MarketplaceId");
            var condition = Text(request, "ItemCondition");
            var match = OffersUri().Match(uri);
            var (status, body) = match.Success && Text(request, "method") == "GET"
                ? ItemOffers(store, match.Groups[1].Value, marketplaceId, condition)
                : (StatusCodes.Status400BadRequest, SpApiErrors.InvalidInputBody("Invalid uri or method"));
            responses.Add(new
            {
                status = new { statusCode = status, reasonPhrase = status == StatusCodes.Status200OK ? "OK" : "Bad Request" },
                body,
                headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = context.Response.Headers["x-amzn-RequestId"].ToString(), ["Date"] = date },
                request = new
                {
                    MarketplaceId = marketplaceId,
                    Asin = match.Success ? match.Groups[1].Value : "",
                    CustomerType = Text(request, "CustomerType") is { Length: > 0 } customer ? customer : "Consumer",
                    ItemCondition = condition,
                },
            });
        }

        return SandboxJson.Json(new { responses });
    }

    private static IResult GetCompetitivePricing(HttpContext context, SpApiGate gate, AmazonStore store)
    {
        if (gate.Check(context, SpApiRateLimits.GetCompetitivePricing) is { } refused)
        {
            return refused;
        }

        if (Items(context, store, out var marketplaceId) is not { } items)
        {
            return SpApiErrors.InvalidInput("Invalid Input");
        }

        var payload = items.Select(item => item.Asin is { } asin
            ? Entry("Success", item, PricingPayloads.CompetitivePricing(asin, marketplaceId, SkuIdentifier(item.Listing, marketplaceId)))
            : Entry("ClientError", item, new { Identifiers = PricingPayloads.Identifiers(marketplaceId, item.Key, PricingPayloads.NoSku) }));
        return SandboxJson.Json(new { payload = payload.ToList() });
    }

    private static IResult GetPricing(HttpContext context, SpApiGate gate, AmazonStore store)
    {
        if (gate.Check(context, SpApiRateLimits.GetPricing) is { } refused)
        {
            return refused;
        }

        if (Items(context, store, out var marketplaceId) is not { } items)
        {
            return SpApiErrors.InvalidInput("Invalid Input");
        }

        var payload = items.Select(item => item.Listing is { } listing
            ? Entry("Success", item, new
            {
                Identifiers = PricingPayloads.Identifiers(marketplaceId, listing.Asin, SkuIdentifier(listing, marketplaceId)),
                Offers = new[]
                {
                    new
                    {
                        BuyingPrice = new
                        {
                            ListingPrice = PricingPayloads.Money(listing.Currency, listing.Price),
                            LandedPrice = PricingPayloads.Money(listing.Currency, listing.Price),
                            Shipping = PricingPayloads.Money(listing.Currency, 0),
                        },
                        RegularPrice = PricingPayloads.Money(listing.Currency, listing.Price),
                        FulfillmentChannel = "MERCHANT",
                        ItemCondition = "New",
                        ItemSubCondition = "New",
                        SellerSKU = listing.Sku,
                    },
                },
            })
            : Entry("ClientError", item, new { Identifiers = PricingPayloads.Identifiers(marketplaceId, item.Asin?.Asin ?? "", PricingPayloads.NoSku) }));
        return SandboxJson.Json(new { payload = payload.ToList() });
    }

    private static (int Status, object Body) ItemOffers(AmazonStore store, string asin, string marketplaceId, string itemCondition)
    {
        if (string.IsNullOrEmpty(marketplaceId) || string.IsNullOrEmpty(itemCondition))
        {
            return (StatusCodes.Status400BadRequest, SpApiErrors.InvalidInputBody("Missing required parameter MarketplaceId or ItemCondition"));
        }

        return store.Asins.Get(asin) is { } item
            ? (StatusCodes.Status200OK, new { payload = PricingPayloads.ItemOffers(item, marketplaceId, itemCondition) })
            : (StatusCodes.Status400BadRequest, SpApiErrors.InvalidInputBody($"Invalid ASIN {asin} for marketplace {marketplaceId}"));
    }

    /// <summary>The ASINs or SKUs a pricing query names (ItemType=Asin|Sku, at most 20), or null when the query is invalid.</summary>
    private static List<PricedItem>? Items(HttpContext context, AmazonStore store, out string marketplaceId)
    {
        var query = context.Request.Query;
        marketplaceId = query["MarketplaceId"].ToString();
        var itemType = query["ItemType"].ToString();
        var keys = (itemType == "Sku" ? query["Skus"] : query["Asins"]).ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrEmpty(marketplaceId) || itemType is not ("Asin" or "Sku") || keys.Length is 0 or > MaxBatch)
        {
            return null;
        }

        return keys.Select(key =>
        {
            var listing = itemType == "Sku" ? store.Listings.Get(key) : store.Listings.Where(l => l.Asin == key).FirstOrDefault();
            var asin = store.Asins.Get(itemType == "Sku" ? listing?.Asin ?? "" : key);
            return new PricedItem(key, itemType == "Sku", asin, listing);
        }).ToList();
    }

    private static object Entry(string status, PricedItem item, object product) => item.BySku
        ? new { status, SellerSKU = item.Key, Product = product }
        : new { status, ASIN = item.Key, Product = product };

    private static object SkuIdentifier(AmazonListing? listing, string marketplaceId) => listing is null
        ? PricingPayloads.NoSku
        : new { MarketplaceId = marketplaceId, SellerId = DemoCredentials.AmazonSellerId, SellerSKU = listing.Sku };

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private sealed record PricedItem(string Key, bool BySku, AmazonAsin? Asin, AmazonListing? Listing);
}
