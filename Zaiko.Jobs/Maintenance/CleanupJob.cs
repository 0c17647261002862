using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Health;
using Zaiko.Data.History;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Maintenance;

/// <summary>Nightly retention: drops old history partitions and deletes old resolved errors, executions and health results.</summary>
[Queue(JobQueues.Maintenance)]
[AutomaticRetry(Attempts = 3)]
public sealed partial class CleanupJob(
    SettingsStore settings,
    StockHistoryStore history,
    ErrorStore errors,
    ExecutionStore executions,
    ExecutionRunner runner,
    HealthCheckStore health,
    AlertStore alerts,
    AlertLogStore alertLog,
    TimeProvider timeProvider,
    ILogger<CleanupJob> logger)
{
    [DisplayName("クリーンアップ (保存期間)")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await runner.RunAsync(ProcessTypes.Cleanup, "hangfire", (_, token) => CleanAsync(token), cancellationToken);
    }

    private async Task<RunOutcome> CleanAsync(CancellationToken cancellationToken)
    {
        var retention = await settings.GetAsync(RetentionSettings.Key, RetentionSettings.Default, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var partitions = await history.DropPartitionsBeforeAsync(now.AddMonths(-retention.HistoryMonths), cancellationToken);
        var resolvedErrors = await errors.DeleteResolvedOlderThanAsync(now.AddDays(-retention.ResolvedErrorDays), cancellationToken);
        var oldExecutions = await executions.DeleteFinishedOlderThanAsync(now.AddDays(-retention.ExecutionDays), cancellationToken);
        var healthRows = await health.DeleteOlderThanAsync(now.AddDays(-retention.HealthCheckDays), cancellationToken);
        var oldAlerts = await alerts.DeleteOlderThanAsync(now.AddDays(-retention.AlertDays), cancellationToken)
            + await alertLog.DeleteOlderThanAsync(now.AddDays(-retention.AlertDays), cancellationToken);
        LogCleaned(logger, partitions.Count, resolvedErrors, oldExecutions, healthRows, oldAlerts);
        return RunOutcome.Completed(new
        {
            droppedPartitions = partitions,
            resolvedErrors,
            executions = oldExecutions,
            healthRows,
            alerts = oldAlerts,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup: {Partitions} history partitions dropped, {Errors} resolved errors, {Executions} executions, {HealthRows} health results, {Alerts} alerts deleted")]
    private static partial void LogCleaned(ILogger logger, int partitions, int errors, int executions, int healthRows, int alerts);
}
