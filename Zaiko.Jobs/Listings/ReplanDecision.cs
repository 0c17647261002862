using System.Globalization;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// A person's decision about a product that changes what its listings should be. <see cref="ListingPlanner.ReplanAsync"/>
/// applies it and re-plans the product's listings in the same transaction, so nothing is ever half-decided.
/// </summary>
public abstract record ReplanDecision
{
    /// <summary>One line for the audit trail and the logs.</summary>
    public abstract string Describe();

    /// <summary>
    /// The product now at the source URL is the one meant (a retitled item, a corrected listing): the product-changed
    /// hold lifts, and the next check reads the offer's stock, price and title afresh. Until then stock and price are
    /// unknown, so quantity and price stay as they are.
    /// </summary>
    public sealed record AcceptSourceChange : ReplanDecision
    {
        public override string Describe() => "accept the product now at the source";
    }

    /// <summary>The price held for review (a price spike, or a move beyond the max step) may go out as the rules compute it.</summary>
    public sealed record ApprovePrice(long ListingId) : ReplanDecision
    {
        public override string Describe() => Invariant($"approve the price of listing {ListingId}");
    }

    /// <summary>How much source stock the listing keeps back, and the most it ever shows (null: no cap).</summary>
    public sealed record SetListingLimits(long ListingId, int BufferStock, int? MaxQuantity) : ReplanDecision
    {
        public override string Describe() =>
            Invariant($"set listing {ListingId}: buffer {BufferStock}, max quantity {(MaxQuantity is { } max ? max.ToString(CultureInfo.InvariantCulture) : "none")}");
    }

    /// <summary>Starts or stops syncing a listing; a stopped listing keeps whatever the channel shows.</summary>
    public sealed record SetAutoSync(long ListingId, bool Enabled) : ReplanDecision
    {
        public override string Describe() => Invariant($"{(Enabled ? "resume" : "pause")} sync of listing {ListingId}");
    }

    /// <summary>Links a listing that already exists on a channel to the product, and plans it at once.</summary>
    public sealed record LinkListing(NewListing Listing) : ReplanDecision
    {
        public override string Describe() => $"link a {Listing.Platform} listing";
    }

    /// <summary>Starts or stops monitoring a source offer of the product.</summary>
    public sealed record SetMonitoring(long OfferId, bool Enabled) : ReplanDecision
    {
        public override string Describe() => Invariant($"{(Enabled ? "resume" : "pause")} monitoring of offer {OfferId}");
    }

    /// <summary>Saves the product's own price rule (for every platform when <see cref="Platform"/> is null).</summary>
    public sealed record SavePriceRule(string? Platform, PriceRuleValues Values) : ReplanDecision
    {
        public override string Describe() => $"save the product's price rule{(Platform is null ? "" : " for " + Platform)}";
    }

    /// <summary>Nothing about the product changed, something it depends on did (a global rule, an FX rate): decide again.</summary>
    public sealed record Recompute(string Why) : ReplanDecision
    {
        public override string Describe() => "recompute: " + Why;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
