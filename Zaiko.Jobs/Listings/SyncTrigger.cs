using Hangfire;
using Hangfire.States;
using Zaiko.Data.Products;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Sync;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// Starts the push of a product's pending listings right after the check that changed them. A stock-out goes
/// on the critical queue, ahead of routine checks: every minute it waits is a chance to oversell.
/// </summary>
public sealed class SyncTrigger(IBackgroundJobClient jobs, ProductStore products)
{
    public async Task TriggerAsync(long productId, bool stockOut, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(productId, cancellationToken);
        var label = product?.Sku ?? productId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        jobs.Create<PlatformSyncJob>(job => job.RunAsync(productId, label, CancellationToken.None),
            new EnqueuedState(stockOut ? JobQueues.Critical : JobQueues.Sync));
    }
}
