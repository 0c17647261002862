using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// Everything one listing's decision depends on, read beforehand so that <see cref="ListingRules.Decide"/> is a pure
/// function: the listing as stored (its buffer, maximum, confirmed state and the holds it carries), what its
/// product's offers together say, the effective price rule, the FX rates known, and the decision time.
/// </summary>
public sealed record ListingFacts(Listing Listing, SourceSummary Source, EffectivePriceRule Rule, IReadOnlyList<FxRate> Rates, DateTimeOffset Now)
{
    /// <summary>What the check that led here learned; <see cref="SourceFindings.None"/> for a re-plan a person asked for.</summary>
    public SourceFindings Findings { get; init; } = SourceFindings.None;

    /// <summary>A person accepted the product now at the source: a product-changed hold the listing carries is dropped.</summary>
    public bool ProductChangeAccepted { get; init; }

    /// <summary>
    /// A person approved the listing's price: a price-spike hold it carries is dropped and the price may move further
    /// than the rule's max step this once. Floor, ceiling and FX holds still apply.
    /// </summary>
    public bool PriceApproved { get; init; }

    /// <summary>Who decided, for the audit trail ("stock-check:{run}", "staff@example.jp").</summary>
    public string Actor { get; init; } = "";

    /// <summary>The person's decision that led to this re-plan, for the audit trail; null for a check.</summary>
    public string? Decision { get; init; }
}
