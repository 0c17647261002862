using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data.History;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Maintenance;

/// <summary>Keeps stock_history partitions created ahead, so no month's rows fall into the default partition.</summary>
[Queue(JobQueues.Maintenance)]
[AutomaticRetry(Attempts = 3)]
public sealed class PartitionMaintenanceJob(StockHistoryStore history, ILogger<PartitionMaintenanceJob> logger)
{
    public const int MonthsAhead = 3;

    [DisplayName("パーティション保守 (stock_history)")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var created = await history.EnsurePartitionsAsync(MonthsAhead, cancellationToken);
        logger.LogInformation("Ensured stock_history partitions {MonthsAhead} months ahead; {Created} created", MonthsAhead, created);
    }
}
