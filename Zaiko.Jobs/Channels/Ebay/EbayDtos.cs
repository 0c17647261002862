namespace Zaiko.Jobs.Channels.Ebay;

// Sell Inventory v1 payloads (OpenAPI 1.18.2), camelCase on the wire; absent values are left out, never sent as null.

/// <summary><c>BulkPriceQuantity</c>: 1 to 25 requests per call.</summary>
internal sealed record EbayBulkPriceQuantity(IReadOnlyList<EbayPriceQuantity> Requests);

/// <summary><c>PriceQuantity</c>: the offer's price and quantity, and the item's ship-to-home quantity when <c>sku</c> is given.</summary>
internal sealed record EbayPriceQuantity(
    IReadOnlyList<EbayOfferPriceQuantity> Offers,
    string? Sku,
    EbayShipToLocationAvailability? ShipToLocationAvailability);

internal sealed record EbayOfferPriceQuantity(string OfferId, int? AvailableQuantity, EbayAmount? Price);

/// <summary><c>Amount</c>: the value is a decimal string.</summary>
internal sealed record EbayAmount(string Value, string Currency);

internal sealed record EbayShipToLocationAvailability(int Quantity);

internal sealed record EbayBulkPriceQuantityResponse(IReadOnlyList<EbayPriceQuantityResponse> Responses);

/// <summary>One outcome per offer, and one per item quantity (offerId absent).</summary>
internal sealed record EbayPriceQuantityResponse(string? OfferId, string? Sku, int StatusCode, IReadOnlyList<EbayError>? Errors);

internal sealed record EbayError(int ErrorId, string? Message);

/// <summary>The part of <c>getOffer</c> reconciliation reads.</summary>
internal sealed record EbayOfferResponse(string Sku, int AvailableQuantity, EbayPricingSummary PricingSummary);

internal sealed record EbayPricingSummary(EbayAmount Price);

/// <summary>The part of <c>getInventoryItem</c> reconciliation reads.</summary>
internal sealed record EbayInventoryItemResponse(EbayAvailability Availability);

internal sealed record EbayAvailability(EbayShipToLocationAvailability ShipToLocationAvailability);
