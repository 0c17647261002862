namespace Zaiko.Jobs.Listings;

/// <summary>
/// What a check learned that the listings must follow beyond the offer's stored state: holds a person must
/// release, and whether stock just ran out (its push goes ahead of routine work).
/// </summary>
/// <param name="ProductHoldReason">A different product now sits at the source: hold every sync of the product.</param>
/// <param name="PriceHoldReason">The source price moved beyond the anomaly threshold: hold price syncs, keep stock syncing.</param>
/// <param name="NewlyOutOfStock">Stock went from positive to zero in this check.</param>
public sealed record SourceFindings(string? ProductHoldReason, string? PriceHoldReason, bool NewlyOutOfStock)
{
    public static readonly SourceFindings None = new(null, null, false);
}
