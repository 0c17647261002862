namespace Zaiko.Data.Listings;

/// <summary>
/// What the rules now want for a listing, with the reasons (rule inputs, as JSON) and any hold. The store
/// derives the sync state: held when <see cref="HoldReason"/> is set, pending when something must be pushed.
/// </summary>
public sealed record DesiredState(
    long ListingId,
    int? Quantity,
    decimal? Price,
    string ReasonJson,
    string? HoldReason,
    string? PriceHoldReason);
