using Zaiko.Data.Errors;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Jobs.Listings;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// What one observation does to an offer: the offer as the check leaves it (<see cref="Record"/>), the history row
/// and errors to write, what the listings must follow, and the follow-ups.
/// </summary>
public sealed record OfferTransition(MonitoredOffer Record, StockChange? History, IReadOnlyList<NewError> Errors)
{
    /// <summary>The check failed (blocked, unreadable, transient): nothing about stock was learned.</summary>
    public bool Failed { get; init; }

    /// <summary>Stock went from positive to zero in this check.</summary>
    public bool NewlyOutOfStock { get; init; }

    /// <summary>A different product now sits at the offer's URL: hold every sync of the product.</summary>
    public string? ProductHoldReason { get; init; }

    /// <summary>The price moved beyond the anomaly threshold: hold price syncs, keep stock syncing.</summary>
    public string? PriceHoldReason { get; init; }

    /// <summary>A known auction end lies ahead and moved: check again just after it.</summary>
    public DateTimeOffset? EndCheckAt { get; init; }

    /// <summary>A 404/410 was seen: check again once the confirmation delay has passed.</summary>
    public DateTimeOffset? GoneRecheckAt { get; init; }

    public bool Changed => History is not null || ProductHoldReason is not null || PriceHoldReason is not null;

    /// <summary>What the listings of the offer's product must follow.</summary>
    public SourceFindings Findings => new(ProductHoldReason, PriceHoldReason, NewlyOutOfStock);
}
