using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Listings;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sync;

/// <summary>
/// Hourly: reads every active listing back from its channel and repairs drift — what the channel shows
/// becomes the confirmed state, and a listing that no longer shows what the rules want goes pending for the
/// sweep. The run records per channel how many listings were checked, matched and drifted; matched ÷ checked
/// is the sync-accuracy KPI.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 0)]
public sealed partial class ReconcileJob(
    ListingStore listings,
    ExecutionStore executions,
    ExecutionRunner runner,
    ErrorStore errors,
    ConnectorRegistry<IChannelConnector> channels,
    ILogger<ReconcileJob> logger)
{
    private const int PageSize = 200;

    [DisplayName("出品照合 (reconcile)")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await runner.RunAsync(ProcessTypes.Reconcile, "hangfire", ReconcileAllAsync, cancellationToken);
    }

    private async Task<RunOutcome> ReconcileAllAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var perChannel = new Dictionary<string, ChannelTally>(StringComparer.Ordinal);
        foreach (var connector in channels.All)
        {
            var tally = await ReconcileAsync(connector, executionId, cancellationToken);
            await ReportUnreadableAsync(connector.Platform, tally, executionId, cancellationToken);
            perChannel[connector.Platform] = tally;
        }

        var checkedCount = perChannel.Values.Sum(t => t.Checked);
        var matching = perChannel.Values.Sum(t => t.Matching);
        var status = perChannel.Values.Any(t => t.NotFound > 0 || t.Unreadable > 0) ? ExecutionStatuses.Partial : ExecutionStatuses.Completed;
        var outcome = RunOutcome.Finished(status, new
        {
            @checked = checkedCount,
            matching,
            drift = perChannel.ToDictionary(p => p.Key, p => p.Value.Drifted),
            notFound = perChannel.Values.Sum(t => t.NotFound),
            channels = perChannel,
        });
        LogReconciled(logger, checkedCount, matching, outcome.DetailsJson!);
        return outcome;
    }

    private async Task<ChannelTally> ReconcileAsync(IChannelConnector connector, Guid executionId, CancellationToken cancellationToken)
    {
        var tally = new ChannelTally();
        var afterId = 0L;
        while (true)
        {
            var page = await listings.ListForReconcileAsync(connector.Platform, afterId, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return tally;
            }

            afterId = page[^1].Id;
            var states = await connector.ReadAsync(page.Select(l => ListingPusher.UpdateFor(l).Listing).ToArray(), cancellationToken);
            for (var i = 0; i < page.Count; i++)
            {
                await ReconcileAsync(page[i], states[i], executionId, tally, cancellationToken);
            }

            await executions.RecordProgressAsync(executionId, page.Count, 0, 0, cancellationToken);
        }
    }

    /// <summary>One error per channel and run for the listings that could not be read back, not one per listing.</summary>
    private async Task ReportUnreadableAsync(string platform, ChannelTally tally, Guid executionId, CancellationToken cancellationToken)
    {
        if (tally.Unreadable == 0)
        {
            return;
        }

        await errors.RecordAsync(new NewError(ErrorTypes.ApiError, Severities.Medium, string.Create(CultureInfo.InvariantCulture,
            $"reconcile could not read {tally.Unreadable} {platform} listings back, so whether they drifted is unknown (first: {tally.FirstUnreadable})"))
        {
            ExecutionId = executionId,
            Platform = platform,
        }, cancellationToken);
    }

    private async Task ReconcileAsync(Listing listing, ChannelListingState actual, Guid executionId, ChannelTally tally, CancellationToken cancellationToken)
    {
        if (actual.Error is not null)
        {
            // A read that failed says nothing about the listing: neither drift nor "not found" can be concluded.
            tally.Unreadable++;
            tally.FirstUnreadable ??= $"listing {listing.Id}: {actual.Error}";
            return;
        }

        tally.Checked++;
        if (!actual.Found)
        {
            tally.NotFound++;
            await errors.RecordAsync(new NewError(ErrorTypes.SyncFailed, Severities.High,
                $"{listing.Platform} no longer knows listing {listing.Id}: {actual.Error ?? "not found"}")
            {
                ExecutionId = executionId,
                ProductId = listing.ProductId,
                ListingId = listing.Id,
                Platform = listing.Platform,
            }, cancellationToken);
            return;
        }

        var quantityMatches = listing.DesiredQuantity is null || listing.DesiredQuantity == actual.Quantity;
        var priceMatches = listing.PriceHoldReason is not null || listing.DesiredPrice is null || listing.DesiredPrice == actual.Price;
        if (quantityMatches && priceMatches)
        {
            tally.Matching++;
        }

        if (actual.Quantity != listing.ConfirmedQuantity || actual.Price != listing.ConfirmedPrice)
        {
            tally.Drifted++;
            LogDrift(logger, listing.Platform, listing.Id, listing.ConfirmedQuantity, actual.Quantity, listing.ConfirmedPrice, actual.Price);
        }

        await listings.RecordReconciliationAsync(listing.Id, actual.Quantity, actual.Price, cancellationToken);
    }

    /// <summary>One channel's reconciliation counts, as written into the run's details.</summary>
    private sealed class ChannelTally
    {
        public int Checked { get; set; }

        public int Matching { get; set; }

        public int Drifted { get; set; }

        public int NotFound { get; set; }

        public int Unreadable { get; set; }

        public string? FirstUnreadable { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} listing {ListingId} drifted: quantity {ConfirmedQuantity} → {ActualQuantity}, price {ConfirmedPrice} → {ActualPrice}")]
    private static partial void LogDrift(ILogger logger, string platform, long listingId, int? confirmedQuantity, int? actualQuantity, decimal? confirmedPrice, decimal? actualPrice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Checked} listings, {Matching} matching: {Details}")]
    private static partial void LogReconciled(ILogger logger, int @checked, int matching, string details);
}
