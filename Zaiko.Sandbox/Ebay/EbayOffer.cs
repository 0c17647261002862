namespace Zaiko.Sandbox.Ebay;

/// <summary>
/// A published fixed-price offer and its inventory item (one offer per SKU here). Like eBay, the listing shows the
/// smaller of the offer's available quantity and the item's ship-to-home quantity.
/// </summary>
public sealed record EbayOffer(
    string OfferId,
    string Sku,
    string Title,
    int AvailableQuantity,
    int InventoryQuantity,
    decimal Price,
    string Currency,
    string ListingId,
    int RevisionsToday,
    DateOnly RevisionDay)
{
    /// <summary>eBay blocks revisions of a listing beyond this many per calendar day.</summary>
    public const int DailyRevisionLimit = 250;

    public int ListingQuantity => Math.Min(AvailableQuantity, InventoryQuantity);

    public EbayOffer Revised(DateOnly today) =>
        this with { RevisionsToday = RevisionDay == today ? RevisionsToday + 1 : 1, RevisionDay = today };

    public bool AtRevisionLimit(DateOnly today) => RevisionDay == today && RevisionsToday >= DailyRevisionLimit;
}
