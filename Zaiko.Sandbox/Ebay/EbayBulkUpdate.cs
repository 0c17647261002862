using System.Globalization;
using System.Text.Json;

namespace Zaiko.Sandbox.Ebay;

/// <summary>One <c>PriceQuantity</c> request of a bulk update: its offers and its item quantity, each with its own outcome.</summary>
public static class EbayBulkUpdate
{
    public static IEnumerable<Outcome> Apply(EbayStore store, JsonElement request, DateOnly today)
    {
        var sku = request.TryGetProperty("sku", out var skuValue) && skuValue.ValueKind == JsonValueKind.String ? skuValue.GetString() : null;
        var outcomes = new List<Outcome>();
        if (request.TryGetProperty("offers", out var offers) && offers.ValueKind == JsonValueKind.Array)
        {
            outcomes.AddRange(offers.EnumerateArray().Select(offer => ApplyOffer(store, offer, sku, today)));
        }

        if (request.TryGetProperty("shipToLocationAvailability", out var availability) && sku is not null)
        {
            outcomes.Add(ApplyItemQuantity(store, sku, availability));
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(Failed(null, sku, 25709, "Invalid value for requests. Each request needs offers or sku with shipToLocationAvailability."));
        }

        return outcomes;
    }

    private static Outcome ApplyOffer(EbayStore store, JsonElement offer, string? sku, DateOnly today)
    {
        var offerId = offer.TryGetProperty("offerId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (offerId is null || store.Offers.Get(offerId) is not { } current)
        {
            return Failed(offerId, sku, 25002, $"Any User error. Offer entity not found for offerId {offerId}.");
        }

        if (sku is not null && sku != current.Sku)
        {
            return Failed(offerId, sku, 25002, $"Any User error. The offer {offerId} does not belong to the SKU {sku}.");
        }

        int? quantity = null;
        if (offer.TryGetProperty("availableQuantity", out var quantityValue))
        {
            if (quantityValue.ValueKind != JsonValueKind.Number || !quantityValue.TryGetInt32(out var parsed) || parsed < 0)
            {
                return Failed(offerId, current.Sku, 25709, "Invalid value for availableQuantity.");
            }

            quantity = parsed;
        }

        decimal? price = null;
        if (offer.TryGetProperty("price", out var priceValue))
        {
            if (!priceValue.TryGetProperty("value", out var amount) || amount.ValueKind != JsonValueKind.String
                || !decimal.TryParse(amount.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return Failed(offerId, current.Sku, 25709, "Invalid value for price.value.");
            }

            price = parsed;
        }

        if (quantity is null && price is null)
        {
            return Failed(offerId, current.Sku, 25709, "Invalid value for offers. Either availableQuantity or price is required.");
        }

        if (current.AtRevisionLimit(today))
        {
            return Failed(offerId, current.Sku, 25002,
                $"Any User error. This listing has reached the limit of {EbayOffer.DailyRevisionLimit} revisions in one calendar day.");
        }

        store.Offers.Update(offerId, o => o.Revised(today) with { AvailableQuantity = quantity ?? o.AvailableQuantity, Price = price ?? o.Price });
        return new Outcome(offerId, current.Sku, StatusCodes.Status200OK, null);
    }

    private static Outcome ApplyItemQuantity(EbayStore store, string sku, JsonElement availability)
    {
        if (store.BySku(sku) is not { } offer)
        {
            return Failed(null, sku, 25002, $"Any User error. The SKU {sku} could not be found.");
        }

        if (!availability.TryGetProperty("quantity", out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var quantity) || quantity < 0)
        {
            return Failed(null, sku, 25709, "Invalid value for shipToLocationAvailability.quantity.");
        }

        store.Offers.Update(offer.OfferId, o => o with { InventoryQuantity = quantity });
        return new Outcome(null, sku, StatusCodes.Status200OK, null);
    }

    private static Outcome Failed(string? offerId, string? sku, int errorId, string message) =>
        new(offerId, sku, StatusCodes.Status400BadRequest, [EbayErrors.Entry(errorId, "API_INVENTORY", "REQUEST", message)]);

    /// <summary>A <c>PriceQuantityResponse</c>: serialised with the schema's camelCase names, absent fields left out.</summary>
    public sealed record Outcome(
        [property: System.Text.Json.Serialization.JsonPropertyName("offerId")] string? OfferId,
        [property: System.Text.Json.Serialization.JsonPropertyName("sku")] string? Sku,
        [property: System.Text.Json.Serialization.JsonPropertyName("statusCode")] int StatusCode,
        [property: System.Text.Json.Serialization.JsonPropertyName("errors")] IReadOnlyList<object>? Errors);
}
