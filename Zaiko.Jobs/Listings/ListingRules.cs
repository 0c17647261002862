using System.Text.Json;
using Zaiko.Data;
using Zaiko.Data.Listings;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// A listing's desired quantity, price and holds as one pure function of <see cref="ListingFacts"/>: quantity by
/// <see cref="QuantityRule"/>, price by <see cref="PricingCalculator"/>, holds by the safety rules. It reads nothing
/// and writes nothing, so a check, a person's re-plan and a simulation of a month of checks decide alike.
/// <list type="bullet">
/// <item>A product hold (a different product at the source) stays until a person accepts the change.</item>
/// <item>A price-spike hold stays until a person approves the price; stock keeps syncing meanwhile.</item>
/// <item>An unverifiable hold lifts itself as soon as the source reads again.</item>
/// </list>
/// </summary>
public static class ListingRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ListingPlan Decide(ListingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var listing = facts.Listing;
        var source = facts.Source;
        var quantity = QuantityRule.Decide(source.Stock, source.State, listing.BufferStock, listing.MaxQuantity, listing.DesiredQuantity);
        var price = DecidePrice(facts);

        var keptHold = listing.HoldReason is { } kept
            && !HoldReasons.Is(kept, HoldReasons.Unverifiable)
            && !(facts.ProductChangeAccepted && HoldReasons.Is(kept, HoldReasons.ProductChanged))
                ? kept
                : null;
        var holdReason = facts.Findings.ProductHoldReason
            ?? keptHold
            ?? (source.State == SourceState.Unverifiable ? HoldReasons.Of(HoldReasons.Unverifiable, source.Description) : null);

        var keptPriceHold = !facts.PriceApproved && HoldReasons.Is(listing.PriceHoldReason, HoldReasons.PriceSpike) ? listing.PriceHoldReason : null;
        var priceHoldReason = facts.Findings.PriceHoldReason
            ?? keptPriceHold
            ?? (price.Outcome == PriceOutcome.Ready ? null : price.Reason);
        var desiredPrice = price.Outcome == PriceOutcome.Held ? listing.DesiredPrice : price.Price;

        var reason = JsonSerializer.Serialize(new
        {
            source = new { state = source.State.ToString(), source.Stock, source.PriceJpy, source.Description },
            quantity = new { quantity.Quantity, quantity.Held, quantity.Reason },
            price = new { outcome = price.Outcome.ToString(), price.Price, price.Reason, trace = price.Trace },
            holdReason,
            priceHoldReason,
            decision = facts.Decision,
            decidedBy = facts.Actor,
        }, Json);
        return new ListingPlan(new DesiredState(listing.Id, quantity.Quantity, desiredPrice, reason, holdReason, priceHoldReason), quantity, price);
    }

    private static PriceDecision DecidePrice(ListingFacts facts)
    {
        var listing = facts.Listing;
        var fx = listing.Currency == "JPY" ? null : FxConverter.Resolve("JPY", listing.Currency, facts.Rates);
        // An approved price has no step to compare with: the person has seen the move.
        var stepBaseline = facts.PriceApproved ? null : listing.ConfirmedPrice;
        return PricingCalculator.Decide(new PricingInput(facts.Source.PriceJpy, PriceRule.From(facts.Rule.Values), listing.Currency, fx, stepBaseline, facts.Now)
        {
            RuleScope = facts.Rule.Describe(),
        });
    }
}
