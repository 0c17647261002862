using Hangfire;
using Zaiko.Data;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Delayed checks of single offers: just after a known auction end (one per offer — a new end time
/// replaces the earlier job), and to confirm a 404/410 before any stock is lowered.
/// </summary>
public sealed class RecheckScheduler(IBackgroundJobClient jobs, InventoryStore inventory, ProductStore products)
{
    public async Task ScheduleEndCheckAsync(MonitoredOffer offer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(offer, cancellationToken);
        var jobId = jobs.Schedule<ProductCheckJob>(job => job.RunAsync(offer.Id, null, ChangeSources.EndTimeCheck, label, CancellationToken.None), at);
        var replaced = await inventory.SwapEndCheckJobAsync(offer.Id, jobId, cancellationToken);
        if (replaced is not null && replaced != jobId)
        {
            jobs.Delete(replaced);
        }
    }

    public async Task ScheduleGoneRecheckAsync(MonitoredOffer offer, DateTimeOffset at, string changeSource, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(offer, cancellationToken);
        jobs.Schedule<ProductCheckJob>(job => job.RunAsync(offer.Id, null, changeSource, label, CancellationToken.None), at);
    }

    private async Task<string> LabelAsync(MonitoredOffer offer, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(offer.ProductId, cancellationToken);
        return ProductCheckJob.Label(offer.SourceProductId, product?.Sku);
    }
}
