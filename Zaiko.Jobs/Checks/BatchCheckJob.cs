using System.ComponentModel;
using Hangfire;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Checks a batch of offers of one platform in one source call (Amazon: 20 ASINs per getItemOffersBatch),
/// because the per-item rate limits make single calls impossible at scale.
/// </summary>
[Queue(JobQueues.Checks)]
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 60])]
public sealed class BatchCheckJob(OfferChecker checker)
{
    [DisplayName("在庫チェック {3}")]
    public Task RunAsync(long[] offerIds, Guid? executionId, string changeSource, string label, CancellationToken cancellationToken) =>
        checker.CheckAsync(offerIds, new CheckContext(executionId, changeSource), cancellationToken);

    public static string Label(string platform, IReadOnlyList<string> sourceProductIds) =>
        $"{platform} ×{sourceProductIds.Count} ({sourceProductIds[0]}{(sourceProductIds.Count > 1 ? "…" + sourceProductIds[^1] : "")})";
}
