using Zaiko.Data.Listings;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// One listing after planning: the listing as it was before (<see cref="Before"/>), its plan, and the sync state the
/// store derived from the plan (pending means a push follows).
/// </summary>
public sealed record PlannedListing(Listing Before, ListingPlan Plan, string SyncState)
{
    public long ListingId => Before.Id;
}
