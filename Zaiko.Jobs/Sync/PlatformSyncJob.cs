using System.ComponentModel;
using Hangfire;
using Zaiko.Data.Listings;

namespace Zaiko.Jobs.Sync;

/// <summary>
/// Pushes one product's pending listings right after a check changed them. The caller picks the queue (a
/// stock-out goes on critical, anything else on sync), so the class carries no queue attribute, which would
/// override it. Channel failures do not fail the job: the listing backs off and the sweep retries it;
/// Hangfire's own retries are for infrastructure failures such as a database restart.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
public sealed class PlatformSyncJob(ListingStore listings, ListingPusher pusher)
{
    /// <param name="label">Only for the dashboard's display name: the product's SKU.</param>
    [DisplayName("出品同期 {1}")]
    public async Task RunAsync(long productId, string label, CancellationToken cancellationToken)
    {
        var pending = await listings.ListAwaitingPushForProductAsync(productId, cancellationToken);
        await pusher.PushAsync(pending, cancellationToken);
    }
}
