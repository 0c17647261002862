namespace Zaiko.Sandbox.Ebay;

/// <summary>
/// Body of <c>POST /_sandbox/ebay/offers</c> (create or replace; offerId is generated when absent) and of
/// <c>PATCH /_sandbox/ebay/offers/{offerId}</c>. <c>quantity</c> sets both the offer's and the item's quantity.
/// </summary>
public sealed record EbayOfferFields(
    string? Sku = null,
    string? OfferId = null,
    string? Title = null,
    int? Quantity = null,
    int? AvailableQuantity = null,
    int? InventoryQuantity = null,
    decimal? Price = null,
    string? Currency = null)
{
    public string? Validate(bool creating) =>
        creating && string.IsNullOrWhiteSpace(Sku) ? "sku is required"
        : Sku is { Length: > 50 } ? "sku may have at most 50 characters"
        : creating && Price is null ? "price is required"
        : Price <= 0 ? "price must be positive"
        : Quantity < 0 || AvailableQuantity < 0 || InventoryQuantity < 0 ? "quantities may not be negative"
        : Currency is not null && Currency.Length != 3 ? "currency must be a 3-letter code"
        : null;

    public EbayOffer Create(string offerId, string listingId, DateOnly today) => ApplyTo(new EbayOffer(
        offerId, Sku!, Title ?? Sku!, 0, 0, 0, "USD", listingId, 0, today));

    public EbayOffer ApplyTo(EbayOffer offer) => offer with
    {
        Title = Title ?? offer.Title,
        AvailableQuantity = AvailableQuantity ?? Quantity ?? offer.AvailableQuantity,
        InventoryQuantity = InventoryQuantity ?? Quantity ?? offer.InventoryQuantity,
        Price = Price ?? offer.Price,
        Currency = Currency ?? offer.Currency,
    };
}
