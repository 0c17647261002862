using System.ComponentModel;
using Hangfire;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Checks one offer. A failed check is not retried for hours — the next scheduled run checks again — so
/// it gets two quick retries for infrastructure failures (a database restart) and then shows as failed.
/// </summary>
[Queue(JobQueues.Checks)]
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 60])]
public sealed class ProductCheckJob(OfferChecker checker)
{
    /// <param name="label">Only for the dashboard's display name: the source id and SKU a person searches for.</param>
    [DisplayName("在庫チェック {3}")]
    public Task RunAsync(long offerId, Guid? executionId, string changeSource, string label, CancellationToken cancellationToken) =>
        checker.CheckAsync([offerId], new CheckContext(executionId, changeSource), cancellationToken);

    public static string Label(string sourceProductId, string? sku) => sku is null ? sourceProductId : $"{sourceProductId} ({sku})";
}
