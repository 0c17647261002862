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
    HealthCheckStore health,
    AlertStore alerts,
    AlertLogStore alertLog,
    TimeProvider timeProvider,
    ILogger<CleanupJob> logger)
{
    [DisplayName("クリーンアップ (保存期間)")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = await executions.TryStartAsync(ProcessTypes.Cleanup, Environment.MachineName, "hangfire", cancellationToken);
        if (!start.Started)
        {
            return;
        }

        try
        {
            await CleanAsync(start.ExecutionId, cancellationToken);
        }
        catch (Exception ex)
        {
            await executions.FinishAsync(start.ExecutionId, ExecutionStatuses.Failed, JsonSerializer.Serialize(new { failure = ex.Message }), CancellationToken.None);
            throw;
        }
    }

    private async Task CleanAsync(Guid executionId, CancellationToken cancellationToken)
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
        await executions.FinishAsync(executionId, ExecutionStatuses.Completed, JsonSerializer.Serialize(new
        {
            droppedPartitions = partitions,
            resolvedErrors,
            executions = oldExecutions,
            healthRows,
            alerts = oldAlerts,
        }), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup: {Partitions} history partitions dropped, {Errors} resolved errors, {Executions} executions, {HealthRows} health results, {Alerts} alerts deleted")]
    private static partial void LogCleaned(ILogger logger, int partitions, int errors, int executions, int healthRows, int alerts);
}
