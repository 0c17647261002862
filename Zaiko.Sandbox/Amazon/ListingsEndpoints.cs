using System.Globalization;
using System.Text.Json;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>Listings Items 2021-08-01: getListingsItem and patchListingsItem for our seller's SKUs.</summary>
public static class ListingsEndpoints
{
    private const string Path = "/listings/2021-08-01/items/{sellerId}/{sku}";

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetListingsItem);
        app.MapPatch(Path, PatchListingsItemAsync);
        return app;
    }

    private static IResult GetListingsItem(HttpContext context, string sellerId, string sku, SpApiGate gate, AmazonStore store)
    {
        if (Precheck(context, gate, SpApiRateLimits.GetListingsItem, sellerId, out var marketplaceId) is { } refused)
        {
            return refused;
        }

        if (store.Listings.Get(sku) is not { } listing)
        {
            return NotFound(sku, marketplaceId);
        }

        var included = IncludedData(context, "summaries");
        var body = new Dictionary<string, object> { ["sku"] = listing.Sku };
        if (included.Contains("summaries"))
        {
            body["summaries"] = new[] { ListingsPayloads.Summary(listing, marketplaceId) };
        }

        if (included.Contains("attributes"))
        {
            body["attributes"] = ListingsPayloads.Attributes(listing, marketplaceId);
        }

        if (included.Contains("issues"))
        {
            body["issues"] = Array.Empty<object>();
        }

        if (included.Contains("offers"))
        {
            body["offers"] = new[] { ListingsPayloads.Offer(listing, marketplaceId) };
        }

        if (included.Contains("fulfillmentAvailability"))
        {
            body["fulfillmentAvailability"] = new[] { new { fulfillmentChannelCode = "DEFAULT", quantity = listing.Quantity } };
        }

        return SandboxJson.Json(body);
    }

    private static async Task<IResult> PatchListingsItemAsync(HttpContext context, string sellerId, string sku, SpApiGate gate,
        AmazonStore store, SandboxClock clock, SeededRandom random, CancellationToken cancellationToken)
    {
        if (Precheck(context, gate, SpApiRateLimits.PatchListingsItem, sellerId, out var marketplaceId) is { } refused)
        {
            return refused;
        }

        ListingPatch patch;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            patch = ListingPatch.Parse(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return BadRequest($"Invalid request body: {ex.Message}");
        }

        if (store.Listings.Get(sku) is null)
        {
            return NotFound(sku, marketplaceId);
        }

        var submissionId = random.Chars("0123456789abcdef", 32);
        var included = IncludedData(context, "issues");
        var identifiers = included.Contains("identifiers") ? new[] { new { marketplaceId, asin = store.Listings.Get(sku)!.Asin } } : null;
        if (patch.Issues.Count > 0)
        {
            return SandboxJson.Json(new { sku, status = "INVALID", submissionId, identifiers, issues = patch.Issues });
        }

        if (context.Request.Query["mode"] == "VALIDATION_PREVIEW")
        {
            return SandboxJson.Json(new { sku, status = "VALID", submissionId, identifiers, issues = Array.Empty<object>() });
        }

        var now = clock.GetUtcNow();
        store.Listings.Update(sku, listing => patch.ApplyTo(listing) with { UpdatedAt = now });
        return SandboxJson.Json(new { sku, status = "ACCEPTED", submissionId, identifiers, issues = Array.Empty<object>() });
    }

    private static IResult? Precheck(HttpContext context, SpApiGate gate, string operation, string sellerId, out string marketplaceId)
    {
        marketplaceId = context.Request.Query["marketplaceIds"].ToString().Split(',')[0];
        if (gate.Check(context, operation) is { } refused)
        {
            return refused;
        }

        if (sellerId != DemoCredentials.AmazonSellerId)
        {
            return SpApiErrors.Unauthorized("Access to requested resource is denied.");
        }

        return string.IsNullOrEmpty(marketplaceId) ? BadRequest("Missing required parameter marketplaceIds") : null;
    }

    private static HashSet<string> IncludedData(HttpContext context, string fallback)
    {
        var value = context.Request.Query["includedData"].ToString();
        return new HashSet<string>((value.Length == 0 ? fallback : value).Split(',', StringSplitOptions.TrimEntries), StringComparer.Ordinal);
    }

    private static IResult BadRequest(string details) => SpApiErrors.Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "Invalid input", details);

    private static IResult NotFound(string sku, string marketplaceId) => SpApiErrors.Error(StatusCodes.Status404NotFound, "NOT_FOUND",
        string.Create(CultureInfo.InvariantCulture, $"SKU '{sku}' not found in marketplace {marketplaceId}"));
}
