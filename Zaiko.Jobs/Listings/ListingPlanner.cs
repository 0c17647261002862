using Microsoft.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Fx;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Data.Products;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// The one home of listing decisions. A check calls <see cref="PlanAsync"/> inside its own transaction; a person's
/// decision goes through <see cref="ReplanAsync"/>, which applies it and re-plans in one transaction of its own. Both
/// read what <see cref="ListingRules.Decide"/> needs on the caller's connection (never another one while row locks
/// are held) and store each listing's desired state, which derives its sync state.
/// </summary>
public sealed partial class ListingPlanner(
    NpgsqlDataSource dataSource,
    ProductStore products,
    ListingStore listings,
    InventoryStore inventory,
    StockHistoryStore history,
    PriceRuleStore rules,
    FxRateStore fxRates,
    MonitoringSettingsProvider settingsProvider,
    SyncTrigger syncTrigger,
    TimeProvider timeProvider,
    ILogger<ListingPlanner> logger)
{
    /// <summary>Re-plans a product's listings after a check, inside the check's transaction; the caller triggers the push.</summary>
    public Task<IReadOnlyList<PlannedListing>> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId,
        SourceFindings findings, MonitoringSettings settings, string actor, CancellationToken cancellationToken) =>
        PlanProductAsync(connection, transaction, productId, settings, facts => facts with { Findings = findings, Actor = actor }, cancellationToken);

    /// <summary>
    /// Applies a person's <paramref name="decision"/> about a product and re-plans its listings in the same
    /// transaction, records who asked (<paramref name="actor"/>, in each listing's reasons and updated_by), and
    /// starts the push of whatever became pending. Bad input — an unknown product, a listing or offer of another
    /// product, invalid values — is an <see cref="InvalidInputException"/> naming the field, and nothing is written.
    /// </summary>
    public async Task<ReplanResult> ReplanAsync(long productId, ReplanDecision decision, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new InvalidInputException("actor", "a re-plan records who asked for it; the actor is empty");
        }

        var settings = await settingsProvider.GetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Product, then offers, then listings: a check locks an offer before the listings, so this order cannot deadlock with it.
        _ = await products.LockAsync(connection, transaction, productId, cancellationToken)
            ?? throw new InvalidInputException("product_id", $"product {productId} does not exist");
        var offers = await inventory.LockForProductAsync(connection, transaction, productId, cancellationToken);
        var linked = await ApplyAsync(connection, transaction, productId, offers, decision, actor, cancellationToken);

        var planned = await PlanProductAsync(connection, transaction, productId, settings, facts => facts with
        {
            Actor = actor,
            Decision = decision.Describe(),
            ProductChangeAccepted = decision is ReplanDecision.AcceptSourceChange,
            PriceApproved = decision is ReplanDecision.ApprovePrice approve && approve.ListingId == facts.Listing.Id,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var result = new ReplanResult(productId, planned, linked);
        LogReplanned(logger, productId, decision.Describe(), actor, planned.Count, result.Pending.Count);
        if (result.Pending.Count > 0)
        {
            var stockOut = planned.Any(p => p.Plan.Desired.Quantity == 0 && p.Before.DesiredQuantity is > 0);
            await syncTrigger.TriggerAsync(productId, stockOut, cancellationToken);
        }

        return result;
    }

    /// <returns>The listing a <see cref="ReplanDecision.LinkListing"/> created.</returns>
    private async Task<long?> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId,
        IReadOnlyList<MonitoredOffer> offers, ReplanDecision decision, string actor, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case ReplanDecision.AcceptSourceChange:
                if (!offers.Any(o => o.UrlStatus == UrlStatuses.Changed))
                {
                    throw new InvalidInputException("decision", $"no offer of product {productId} shows a different product: there is nothing to accept");
                }

                await inventory.AcceptSourceChangeAsync(connection, transaction, productId, actor, cancellationToken);
                foreach (var offer in offers.Where(o => o.UrlStatus == UrlStatuses.Changed))
                {
                    // The history shows who turned the offer back on, and that its stock and price are unknown until the next check.
                    await history.AppendAsync(connection, transaction, new StockChange(offer.Id, productId, offer.CurrentStock, null, offer.CurrentPrice, null,
                        UrlStatuses.Changed, UrlStatuses.Active, ChangeSources.Manual, null), cancellationToken);
                }

                return null;
            case ReplanDecision.ApprovePrice approve:
                await RequireListingAsync(connection, transaction, productId, approve.ListingId, cancellationToken);
                return null;
            case ReplanDecision.SetListingLimits limits:
                await RequireListingAsync(connection, transaction, productId, limits.ListingId, cancellationToken);
                await listings.SetLimitsAsync(connection, transaction, limits.ListingId, limits.BufferStock, limits.MaxQuantity, actor, cancellationToken);
                return null;
            case ReplanDecision.SetAutoSync autoSync:
                await RequireListingAsync(connection, transaction, productId, autoSync.ListingId, cancellationToken);
                await listings.SetAutoSyncAsync(connection, transaction, autoSync.ListingId, autoSync.Enabled, actor, cancellationToken);
                return null;
            case ReplanDecision.LinkListing link:
                if (link.Listing.ProductId != productId)
                {
                    throw new InvalidInputException("product_id", $"the listing is for product {link.Listing.ProductId}, not product {productId}");
                }

                return (await listings.AddAsync(connection, transaction, link.Listing, actor, cancellationToken)).Id;
            case ReplanDecision.SetMonitoring monitoring:
                if (offers.All(o => o.Id != monitoring.OfferId))
                {
                    throw new InvalidInputException("offer_id", $"offer {monitoring.OfferId} is not an offer of product {productId}");
                }

                await inventory.SetMonitoringAsync(connection, transaction, monitoring.OfferId, monitoring.Enabled, actor, cancellationToken);
                return null;
            case ReplanDecision.SavePriceRule rule:
                await rules.SaveAsync(connection, transaction, productId, rule.Platform, rule.Values, actor, cancellationToken);
                return null;
            case ReplanDecision.Recompute:
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "not a known decision");
        }
    }

    private async Task RequireListingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId, long listingId, CancellationToken cancellationToken)
    {
        var owner = await listings.GetProductIdAsync(connection, transaction, listingId, cancellationToken);
        if (owner != productId)
        {
            throw new InvalidInputException("listing_id", owner is null
                ? $"listing {listingId} does not exist"
                : $"listing {listingId} belongs to product {owner}, not product {productId}");
        }
    }

    private async Task<IReadOnlyList<PlannedListing>> PlanProductAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId,
        MonitoringSettings settings, Func<ListingFacts, ListingFacts> complete, CancellationToken cancellationToken)
    {
        var productListings = await listings.LockForProductAsync(connection, transaction, productId, cancellationToken);
        if (productListings.Count == 0)
        {
            return [];
        }

        var source = SourceSummary.Of(await inventory.ListForProductAsync(connection, transaction, productId, cancellationToken), settings);
        IReadOnlyList<FxRate>? rates = null;
        var now = timeProvider.GetUtcNow();
        var planned = new List<PlannedListing>();
        foreach (var listing in productListings.Where(l => l.AutoSyncEnabled))
        {
            if (listing.Currency != "JPY")
            {
                rates ??= (await fxRates.ListLatestAsync(connection, transaction, cancellationToken)).Select(FxRate.From).ToList();
            }

            var rule = await rules.GetEffectiveAsync(connection, transaction, productId, listing.Platform, cancellationToken);
            var facts = complete(new ListingFacts(listing, source, rule, rates ?? [], now));
            var plan = ListingRules.Decide(facts);
            var state = await listings.SetDesiredAsync(connection, transaction, plan.Desired, facts.Actor, cancellationToken);
            planned.Add(new PlannedListing(listing, plan, state));
        }

        return planned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {ProductId}: {Decision} (by {Actor}); {Listings} listing(s) re-planned, {Pending} pending")]
    private static partial void LogReplanned(ILogger logger, long productId, string decision, string actor, int listings, int pending);
}
