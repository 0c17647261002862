using Zaiko.Data;

namespace Zaiko.Jobs.Listings;

/// <summary>What a person's decision did: every listing of the product as now planned, and the listing it linked, if any.</summary>
public sealed record ReplanResult(long ProductId, IReadOnlyList<PlannedListing> Listings, long? LinkedListingId)
{
    public IReadOnlyList<long> Pending => Listings.Where(l => l.SyncState == SyncStates.Pending).Select(l => l.ListingId).ToList();
}
