using System.Text.Json;
using Npgsql;
using Zaiko.Data.Fx;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// Recomputes what each listing of a product should show after its source changed, inside the check's
/// transaction: quantity by <see cref="QuantityRule"/>, price by <see cref="PricingCalculator"/>, holds by the
/// safety rules. A product hold (different product at the URL) or a price-spike hold stays until a person
/// releases it; an unverifiable hold lifts itself once the source reads again.
/// </summary>
public sealed class ListingPlanner(ListingStore listings, InventoryStore inventory, PriceRuleStore rules, FxRateStore fxRates, TimeProvider timeProvider)
{
    private const string PriceSpikePrefix = "price_spike";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The listings whose sync state is now pending.</returns>
    public async Task<IReadOnlyList<long>> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId,
        OfferTransition? trigger, MonitoringSettings settings, string actor, CancellationToken cancellationToken)
    {
        var productListings = await listings.LockForProductAsync(connection, transaction, productId, cancellationToken);
        if (productListings.Count == 0)
        {
            return [];
        }

        var source = SourceSummary.Of(await inventory.ListForProductAsync(connection, transaction, productId, cancellationToken), settings);
        IReadOnlyList<StoredFxRate>? rates = null;
        var pending = new List<long>();
        foreach (var listing in productListings.Where(l => l.AutoSyncEnabled))
        {
            var quantity = QuantityRule.Decide(source.Stock, source.State, listing.BufferStock, listing.MaxQuantity, listing.DesiredQuantity);
            if (listing.Currency != "JPY")
            {
                rates ??= await fxRates.ListLatestAsync(cancellationToken);
            }

            var price = await DecidePriceAsync(listing, productId, source, rates ?? [], cancellationToken);
            var holdReason = trigger?.ProductHoldReason
                ?? (listing.HoldReason is { } kept && !kept.StartsWith("unverifiable", StringComparison.Ordinal) ? kept : null)
                ?? (source.State == SourceState.Unverifiable ? "unverifiable: " + source.Description : null);
            var priceHoldReason = trigger?.PriceHoldReason
                ?? (listing.PriceHoldReason?.StartsWith(PriceSpikePrefix, StringComparison.Ordinal) == true ? listing.PriceHoldReason : null)
                ?? (price.Outcome == PriceOutcome.Ready ? null : price.Reason);
            var desiredPrice = price.Outcome == PriceOutcome.Held ? listing.DesiredPrice : price.Price;

            var reason = JsonSerializer.Serialize(new
            {
                source = new { state = source.State.ToString(), source.Stock, source.PriceJpy, source.Description },
                quantity = new { quantity.Quantity, quantity.Held, quantity.Reason },
                price = new { outcome = price.Outcome.ToString(), price.Price, price.Reason, trace = price.Trace },
                holdReason,
                priceHoldReason,
                decidedBy = actor,
            }, Json);
            var state = await listings.SetDesiredAsync(connection, transaction,
                new DesiredState(listing.Id, quantity.Quantity, desiredPrice, reason, holdReason, priceHoldReason), actor, cancellationToken);
            if (state == "pending")
            {
                pending.Add(listing.Id);
            }
        }

        return pending;
    }

    private async Task<PriceDecision> DecidePriceAsync(Listing listing, long productId, SourceSummary source, IReadOnlyList<StoredFxRate> rates, CancellationToken cancellationToken)
    {
        var rule = await rules.GetEffectiveAsync(productId, listing.Platform, cancellationToken);
        var fx = listing.Currency == "JPY"
            ? null
            : FxConverter.Resolve("JPY", listing.Currency, rates.Select(r => new FxRate(r.BaseCurrency, r.QuoteCurrency, r.Rate, r.AsOf)));
        return PricingCalculator.Decide(new PricingInput(source.PriceJpy, PriceRule.From(rule.Values), listing.Currency, fx, listing.ConfirmedPrice,
            timeProvider.GetUtcNow())
        {
            RuleScope = rule.Describe(),
        });
    }
}
