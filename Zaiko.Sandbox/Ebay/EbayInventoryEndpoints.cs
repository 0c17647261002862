using System.Globalization;
using System.Text.Json;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Ebay;

/// <summary>Sell Inventory v1: bulkUpdatePriceQuantity, getOffer and getInventoryItem.</summary>
public static class EbayInventoryEndpoints
{
    private const int MaxRequests = 25;

    public static IEndpointRouteBuilder MapEbayInventory(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sell/inventory/v1/bulk_update_price_quantity", BulkUpdatePriceQuantityAsync);
        app.MapGet("/sell/inventory/v1/offer/{offerId}", GetOffer);
        app.MapGet("/sell/inventory/v1/inventory_item/{sku}", GetInventoryItem);
        return app;
    }

    private static async Task<IResult> BulkUpdatePriceQuantityAsync(HttpContext context, AccessTokens tokens, EbayStore store, SandboxClock clock,
        CancellationToken cancellationToken)
    {
        if (Authorize(context, tokens) is { } refused)
        {
            return refused;
        }

        List<JsonElement> requests;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            requests = document.RootElement.GetProperty("requests").EnumerateArray().Select(r => r.Clone()).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return InvalidValue("requests", "The request body could not be read as BulkPriceQuantity.");
        }

        if (requests.Count is 0 or > MaxRequests)
        {
            return InvalidValue("requests", $"Provide between 1 and {MaxRequests} requests.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var responses = new List<EbayBulkUpdate.Outcome>();
        foreach (var request in requests)
        {
            responses.AddRange(EbayBulkUpdate.Apply(store, request, today));
        }

        var allSucceeded = responses.All(r => r.StatusCode == StatusCodes.Status200OK);
        return SandboxJson.Json(new { responses }, allSucceeded ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus);
    }

    private static IResult GetOffer(HttpContext context, string offerId, AccessTokens tokens, EbayStore store)
    {
        if (Authorize(context, tokens) is { } refused)
        {
            return refused;
        }

        if (store.Offers.Get(offerId) is not { } offer)
        {
            return EbayErrors.Error(StatusCodes.Status404NotFound, 25713, "API_INVENTORY", "REQUEST", "This Offer is not available.");
        }

        return SandboxJson.Json(new
        {
            offerId = offer.OfferId,
            sku = offer.Sku,
            marketplaceId = "EBAY_US",
            format = "FIXED_PRICE",
            availableQuantity = offer.AvailableQuantity,
            categoryId = "261068",
            listingDescription = "DEMO DATA — a fictitious listing served by the Zaiko sandbox. " + offer.Title,
            pricingSummary = new { price = Amount(offer.Price, offer.Currency) },
            listing = new { listingId = offer.ListingId, listingStatus = offer.ListingQuantity > 0 ? "ACTIVE" : "OUT_OF_STOCK", soldQuantity = 0 },
            merchantLocationKey = "zaiko-sandbox-warehouse",
            status = "PUBLISHED",
        });
    }

    private static IResult GetInventoryItem(HttpContext context, string sku, AccessTokens tokens, EbayStore store)
    {
        if (Authorize(context, tokens) is { } refused)
        {
            return refused;
        }

        if (store.BySku(sku) is not { } offer)
        {
            return EbayErrors.Error(StatusCodes.Status404NotFound, 25702, "API_INVENTORY", "REQUEST",
                $"The SKU {sku} could not be found or is not available in the system.");
        }

        return SandboxJson.Json(new
        {
            sku = offer.Sku,
            locale = "en_US",
            product = new
            {
                title = offer.Title,
                description = "DEMO DATA — a fictitious item served by the Zaiko sandbox.",
                imageUrls = new[] { $"https://i.ebayimg.com/images/g/sandbox/{offer.OfferId}/s-l1600.jpg" },
            },
            condition = "NEW",
            availability = new { shipToLocationAvailability = new { quantity = offer.InventoryQuantity } },
        });
    }

    public static object Amount(decimal value, string currency) =>
        new { value = value.ToString("0.00", CultureInfo.InvariantCulture), currency };

    /// <summary>Null for a valid user token; a 401 for a missing, unknown or expired one, a 403 for an application token.</summary>
    private static IResult? Authorize(HttpContext context, AccessTokens tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var (result, kind) = tokens.Validate(token, EbayAuthEndpoints.Audience);
        return result != AccessTokens.Check.Valid ? EbayErrors.InvalidToken()
            : kind != EbayAuthEndpoints.UserToken ? EbayErrors.InsufficientScope()
            : null;
    }

    private static IResult InvalidValue(string field, string detail) => EbayErrors.Error(StatusCodes.Status400BadRequest, 25709, "API_INVENTORY",
        "REQUEST", $"Invalid value for {field}. {detail}");
}
