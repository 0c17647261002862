using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data.Listings;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sync;

/// <summary>
/// Every minute: pushes whatever still waits — listings whose per-product push failed and backed off, whose
/// worker died between push and confirm (expired lease), or that piled up faster than single pushes go —
/// coalesced per channel into the channel's batch size (eBay: 25 per call).
/// </summary>
[Queue(JobQueues.Sync)]
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 10)]
public sealed partial class SyncSweepJob(ListingStore listings, ListingPusher pusher, ConnectorRegistry<IChannelConnector> channels, ILogger<SyncSweepJob> logger)
{
    private const int PerPlatformLimit = 1000;

    [DisplayName("出品同期スイープ")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var platform in Data.ChannelPlatforms.All)
        {
            var waiting = await listings.ListAwaitingPushAsync(platform, PerPlatformLimit, cancellationToken);
            if (waiting.Count == 0)
            {
                continue;
            }

            var summary = await pusher.PushAsync(waiting, cancellationToken);
            LogSwept(logger, platform, waiting.Count, summary.Pushed, summary.Retrying, summary.Failed, channels.Find(platform)?.BatchSize ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Platform}: {Waiting} waiting, {Pushed} pushed, {Retrying} backing off, {Failed} failed (batches of {BatchSize})")]
    private static partial void LogSwept(ILogger logger, string platform, int waiting, int pushed, int retrying, int failed, int batchSize);
}
