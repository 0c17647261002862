using Microsoft.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Jobs.Listings;
using Zaiko.Jobs.Settings;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sync;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Checks offers at their source and applies each observation in one transaction: the offer's new state,
/// a history row when stock, price or status changed, errors, the listings' desired state, and the run's
/// counters — the counters last, so the run's row is locked only until commit. A check already counted
/// for its run (a Hangfire retry or a dashboard requeue) changes nothing and counts nothing twice.
/// </summary>
public sealed partial class OfferChecker(
    NpgsqlDataSource dataSource,
    InventoryStore inventory,
    StockHistoryStore history,
    ErrorStore errors,
    ExecutionStore executions,
    ListingPlanner planner,
    ConnectorRegistry<ISourceConnector> connectors,
    MonitoringSettingsProvider settingsProvider,
    RecheckScheduler rechecks,
    SyncTrigger syncTrigger,
    RunCloser runCloser,
    ILogger<OfferChecker> logger)
{
    public async Task CheckAsync(IReadOnlyList<long> offerIds, CheckContext context, CancellationToken cancellationToken)
    {
        var offers = (await inventory.GetManyAsync(offerIds, cancellationToken)).Where(o => o.MonitoringEnabled).ToArray();
        var skipped = offerIds.Count - offers.Length;
        var complete = false;
        if (skipped > 0 && context.ExecutionId is { } run)
        {
            // Deleted or unmonitored since the fan-out: still counted, so the run can close.
            complete |= await CountSkippedAsync(run, skipped, cancellationToken);
        }

        foreach (var group in offers.GroupBy(o => o.SourcePlatform))
        {
            var batch = group.ToArray();
            var connector = connectors.Find(group.Key)
                ?? throw new InvalidOperationException($"no connector is configured for {group.Key} offers");
            var observations = await connector.CheckAsync(batch.Select(o => o.SourceProductId).ToArray(), cancellationToken);
            var settings = await settingsProvider.GetAsync(cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                complete |= await ApplyAsync(batch[i], observations[i], context, settings, cancellationToken);
            }
        }

        if (context.ExecutionId is { } executionId && (complete || offers.Length == 0))
        {
            await runCloser.TryCloseAsync(executionId, cancellationToken);
        }
    }

    /// <returns>Whether the run looked complete after this check.</returns>
    private async Task<bool> ApplyAsync(MonitoredOffer seen, SourceObservation observation, CheckContext context, MonitoringSettings settings, CancellationToken cancellationToken)
    {
        // Most checks change nothing anyone acts on: record those in one statement, as long as the offer is
        // still as it was read before the fetch. Anything else, or a lost race, takes the locked path.
        var quiet = ObservationEvaluator.Evaluate(seen, observation, context, settings);
        if (IsQuiet(seen, quiet))
        {
            var outcome = await inventory.TryRecordQuietCheckAsync(quiet.Record, seen.UpdatedAt, context.ExecutionId, cancellationToken);
            if (outcome.Recorded)
            {
                LogChecked(logger, seen.SourcePlatform, seen.SourceProductId, observation.Status, false, 0);
                return outcome.Progress?.IsComplete == true;
            }
        }

        var offerId = seen.Id;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var offer = await inventory.LockForCheckAsync(connection, transaction, offerId, cancellationToken);
        if (offer is null || (context.ExecutionId is { } run && offer.LastExecutionId == run))
        {
            await transaction.RollbackAsync(cancellationToken);
            LogAlreadyCounted(logger, offerId, context.ExecutionId);
            return context.ExecutionId is not null;
        }

        var transition = ObservationEvaluator.Evaluate(offer, observation, context, settings);
        await inventory.RecordCheckAsync(connection, transaction, transition.Record, cancellationToken);
        if (transition.History is { } change)
        {
            await history.AppendAsync(connection, transaction, change, cancellationToken);
        }

        foreach (var error in transition.Errors)
        {
            await errors.RecordAsync(connection, transaction, error, cancellationToken);
        }

        var planned = transition.Changed || offer.LastCheckedAt is null
            ? await planner.PlanAsync(connection, transaction, offer.ProductId, transition.Findings, settings, context.Actor, cancellationToken)
            : [];
        var pending = planned.Count(p => p.SyncState == SyncStates.Pending);
        ExecutionProgress? progress = null;
        if (context.ExecutionId is { } executionId)
        {
            progress = await executions.CountCheckAsync(connection, transaction, executionId, 1, transition.Changed, transition.Failed, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogChecked(logger, offer.SourcePlatform, offer.SourceProductId, observation.Status, transition.Changed, pending);
        if (pending > 0)
        {
            await syncTrigger.TriggerAsync(offer.ProductId, transition.NewlyOutOfStock, cancellationToken);
        }

        if (transition.EndCheckAt is { } endCheck)
        {
            await rechecks.ScheduleEndCheckAsync(offer, endCheck, cancellationToken);
        }

        if (transition.GoneRecheckAt is { } goneCheck)
        {
            await rechecks.ScheduleGoneRecheckAsync(offer, goneCheck, context.ChangeSource, cancellationToken);
        }

        return progress?.IsComplete == true;
    }

    private static bool IsQuiet(MonitoredOffer seen, OfferTransition transition) =>
        !transition.Changed && !transition.Failed && transition.Errors.Count == 0
        && transition.EndCheckAt is null && transition.GoneRecheckAt is null
        && seen.LastCheckedAt is not null;

    private async Task<bool> CountSkippedAsync(Guid executionId, int skipped, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var progress = await executions.CountCheckAsync(connection, null, executionId, skipped, updated: false, failed: false, cancellationToken);
        return progress?.IsComplete == true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offer {OfferId} was already checked for run {ExecutionId} (or no longer exists); nothing to do")]
    private static partial void LogAlreadyCounted(ILogger logger, long offerId, Guid? executionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checked {Platform} {SourceProductId}: {Status}, changed {Changed}, {Pending} listing(s) pending")]
    private static partial void LogChecked(ILogger logger, string platform, string sourceProductId, SourceStatus status, bool changed, int pending);
}
