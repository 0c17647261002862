using System.Globalization;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Listings;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sync;

/// <summary>
/// Pushes listings' desired state to their channels: leases them (so two workers never push one listing at
/// once), sends only what differs from what the channel last accepted, in batches of the channel's size,
/// and records each result. A push that fails for a passing reason backs off exponentially and is retried
/// by the sweep; after <see cref="MaxAttempts"/> attempts, or on a rejection that needs a person, the listing
/// is failed with an error. Pushes are absolute values: a repeat after a crash is harmless.
/// </summary>
public sealed partial class ListingPusher(ListingStore listings, ErrorStore errors, ConnectorRegistry<IChannelConnector> channels, ILogger<ListingPusher> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);

    public async Task<PushSummary> PushAsync(IReadOnlyCollection<long> listingIds, CancellationToken cancellationToken)
    {
        var summary = new PushSummary();
        if (listingIds.Count == 0)
        {
            return summary;
        }

        var leased = await listings.LeaseForSyncAsync(listingIds, Lease, cancellationToken);
        foreach (var group in leased.GroupBy(l => l.Platform))
        {
            var connector = channels.Find(group.Key);
            if (connector is null)
            {
                await FailAllAsync(group.ToArray(), $"no {group.Key} connector is configured (credentials missing); the listing cannot be synced", summary, cancellationToken);
                continue;
            }

            var work = new List<(Listing Listing, ChannelUpdate Update)>();
            foreach (var listing in group)
            {
                var update = UpdateFor(listing);
                if (update.Quantity is null && update.Price is null)
                {
                    // Nothing differs any more (a newer confirm caught up): settle it without a call.
                    await listings.ConfirmPushAsync(listing.Id, null, null, cancellationToken);
                    continue;
                }

                work.Add((listing, update));
            }

            foreach (var batch in work.Chunk(connector.BatchSize))
            {
                var results = await connector.PushAsync(batch.Select(w => w.Update).ToArray(), cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    await RecordAsync(batch[i].Listing, batch[i].Update, results[i], summary, cancellationToken);
                }
            }
        }

        return summary;
    }

    /// <summary>What to send: the quantity and the (unheld) price where they differ from what the channel has.</summary>
    public static ChannelUpdate UpdateFor(Listing listing) => new(
        new ChannelListingRef(listing.Id, listing.EbaySku, listing.EbayOfferId, listing.AmazonSellerSku, listing.MercariProductId, listing.MercariVariantId),
        listing.DesiredQuantity is { } quantity && quantity != listing.ConfirmedQuantity ? quantity : null,
        listing.PriceHoldReason is null && listing.DesiredPrice is { } price && price != listing.ConfirmedPrice ? price : null,
        listing.Currency);

    private async Task RecordAsync(Listing listing, ChannelUpdate update, ChannelPushResult result, PushSummary summary, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            await listings.ConfirmPushAsync(listing.Id, update.Quantity, update.Price, cancellationToken);
            summary.Pushed++;
            LogPushed(logger, listing.Platform, listing.Id, update.Quantity, update.Price);
            return;
        }

        var message = $"{listing.Platform} rejected the update of listing {listing.Id}: {result.Error}" + (result.ErrorCode is null ? "" : $" ({result.ErrorCode})");
        if (result.Retryable && listing.SyncAttempts < MaxAttempts)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 10 * Math.Pow(2, listing.SyncAttempts - 1)));
            await listings.RecordPushFailureAsync(listing.Id, message, backoff, cancellationToken);
            summary.Retrying++;
            LogRetrying(logger, listing.Platform, listing.Id, listing.SyncAttempts, backoff.TotalSeconds, result.Error);
            return;
        }

        var final = result.Retryable
            ? string.Create(CultureInfo.InvariantCulture, $"{message}; gave up after {listing.SyncAttempts} attempts")
            : message;
        await listings.RecordPushFailureAsync(listing.Id, final, null, cancellationToken);
        await RecordErrorAsync(listing, final, result.ErrorCode, cancellationToken);
        summary.Failed++;
    }

    private async Task FailAllAsync(IReadOnlyList<Listing> group, string message, PushSummary summary, CancellationToken cancellationToken)
    {
        foreach (var listing in group)
        {
            await listings.RecordPushFailureAsync(listing.Id, message, null, cancellationToken);
            await RecordErrorAsync(listing, message, null, cancellationToken);
            summary.Failed++;
        }
    }

    private async Task RecordErrorAsync(Listing listing, string message, string? code, CancellationToken cancellationToken)
    {
        LogFailed(logger, listing.Platform, listing.Id, message);
        await errors.RecordAsync(new NewError(ErrorTypes.ApiError, Severities.High, message)
        {
            ProductId = listing.ProductId,
            ListingId = listing.Id,
            Platform = listing.Platform,
            ErrorCode = code,
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Platform} listing {ListingId}: quantity {Quantity}, price {Price}")]
    private static partial void LogPushed(ILogger logger, string platform, long listingId, int? quantity, decimal? price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} listing {ListingId}: attempt {Attempt} failed, retrying in {Seconds:0} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string platform, long listingId, int attempt, double seconds, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} listing {ListingId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string platform, long listingId, string reason);
}
