using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Sync;

namespace Zaiko.Jobs.Scheduling;

/// <summary>
/// The one place recurring jobs are registered, with stable kebab-case ids (they are what admins see and
/// trigger in /hangfire) and Asia/Tokyo crons from settings. Registration is idempotent; every process does it
/// at start-up only, so a changed schedules setting takes effect when the processes restart.
/// </summary>
public sealed partial class RecurringJobRegistrar(IRecurringJobManager recurringJobs, SettingsStore settings, ILogger<RecurringJobRegistrar> logger)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var schedules = await settings.GetAsync(ScheduleSettings.Key, new ScheduleSettings(), cancellationToken);
        var options = new RecurringJobOptions { TimeZone = JstTime.Tokyo };

        foreach (var processType in CheckFanOutJob.ProcessTypes)
        {
            recurringJobs.AddOrUpdate<CheckFanOutJob>(processType, JobQueues.Default,
                job => job.RunAsync(processType, CancellationToken.None), schedules.CronOf(processType), options);
        }

        recurringJobs.AddOrUpdate<HealthCheckJob>(ProcessTypes.HealthCheck, JobQueues.Maintenance,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.HealthCheck), options);
        recurringJobs.AddOrUpdate<CleanupJob>(ProcessTypes.Cleanup, JobQueues.Maintenance,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.Cleanup), options);
        recurringJobs.AddOrUpdate<PartitionMaintenanceJob>(ProcessTypes.PartitionMaintenance, JobQueues.Maintenance,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.PartitionMaintenance), options);
        recurringJobs.AddOrUpdate<SyncSweepJob>(ProcessTypes.SyncSweep, JobQueues.Sync,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.SyncSweep), options);
        recurringJobs.AddOrUpdate<ReconcileJob>(ProcessTypes.Reconcile, JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.Reconcile), options);
        recurringJobs.AddOrUpdate<FxUpdateJob>(ProcessTypes.FxUpdate, JobQueues.Maintenance,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.FxUpdate), options);
        recurringJobs.AddOrUpdate<DailySummaryJob>(ProcessTypes.DailySummary, JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(ProcessTypes.DailySummary), options);
        recurringJobs.AddOrUpdate<AlertDispatchJob>(AlertDispatchJob.RecurringJobId, JobQueues.Default,
            job => job.RunAsync(CancellationToken.None), schedules.CronOf(AlertDispatchJob.RecurringJobId), options);
        string[] registered =
        [
            .. CheckFanOutJob.ProcessTypes, ProcessTypes.HealthCheck, ProcessTypes.Cleanup, ProcessTypes.PartitionMaintenance,
            ProcessTypes.SyncSweep, ProcessTypes.Reconcile, ProcessTypes.FxUpdate, ProcessTypes.DailySummary, AlertDispatchJob.RecurringJobId,
        ];
        LogRegistered(logger, string.Join(", ", registered.Select(id => $"{id} [{schedules.CronOf(id)}]")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring jobs registered (Asia/Tokyo): {Schedules}")]
    private static partial void LogRegistered(ILogger logger, string schedules);
}
