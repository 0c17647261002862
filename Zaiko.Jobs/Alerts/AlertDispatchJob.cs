using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Every minute: reads the errors and stock-outs recorded since its cursors, decides routing and dedup
/// (<see cref="AlertPlanner"/>), and in one transaction writes the alerts, the suppressed repeats and the
/// moved cursors. Then it enqueues one <see cref="AlertSendJob"/> per alert and channel; an alert is marked
/// enqueued only after its jobs are, and a pass that died in between is finished by the next one. Nothing is
/// sent here: a slow or broken channel never delays the check jobs that recorded the errors, nor this pass.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 0)]
public sealed partial class AlertDispatchJob(
    NpgsqlDataSource dataSource,
    AlertStore alerts,
    AlertLogStore alertLog,
    SettingsStore settingsStore,
    IBackgroundJobClient jobs,
    TimeProvider timeProvider,
    ILogger<AlertDispatchJob> logger)
{
    public const string RecurringJobId = "alert-dispatch";

    /// <summary>
    /// Rows younger than this are left for the next pass: an id is taken at insert but visible only at commit,
    /// and the errors' transactions (a check) last milliseconds, not seconds.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    /// <summary>A stock-out older than this when first read (the dispatcher was down) is no longer news.</summary>
    public static readonly TimeSpan StockOutLookback = TimeSpan.FromDays(2);

    private const int BatchSize = 500;
    private const int MaxBatchesPerRun = 20;

    [DisplayName("アラート配信")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(AlertSettings.Key, AlertSettings.Default, cancellationToken);
        await EnqueuePendingAsync(cancellationToken);
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var (plan, full) = await DispatchBatchAsync(settings, cancellationToken);
            foreach (var alert in plan.Alerts.Where(a => a.Channels.Contains(AlertChannels.Log)))
            {
                LogAlert(alert);
            }

            if (plan.Alerts.Count + plan.Suppressions.Count > 0)
            {
                LogDispatched(logger, plan.Alerts.Count, plan.Suppressions.Sum(s => s.Count));
            }

            await EnqueuePendingAsync(cancellationToken);
            if (!full)
            {
                return;
            }
        }
    }

    private async Task<(AlertPlan Plan, bool Full)> DispatchBatchAsync(AlertSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cursors = await alerts.LockCursorsAsync(connection, transaction, cancellationToken);
        var settledBefore = timeProvider.GetUtcNow() - SettleTime;
        var errors = await alerts.ListNewErrorsAsync(connection, transaction, cursors.LastErrorId, settledBefore, BatchSize, cancellationToken);
        var stockOuts = await alerts.ListNewStockOutsAsync(connection, transaction, cursors.LastStockOutId, settledBefore,
            settledBefore - StockOutLookback, BatchSize, cancellationToken);

        var events = errors.Select(AlertEvents.FromError).Concat(stockOuts.StockOuts.Select(AlertEvents.FromStockOut)).ToArray();
        var latest = await alerts.GetLatestAsync(connection, transaction, events.Select(e => e.DedupKey).Distinct().ToArray(), cancellationToken);
        var plan = AlertPlanner.Plan(events, latest, settings);

        foreach (var suppression in plan.Suppressions)
        {
            await alerts.AddSuppressedRepeatsAsync(connection, transaction, suppression.AlertId, suppression.Count, cancellationToken);
            foreach (var channel in suppression.Channels)
            {
                await alertLog.RecordAsync(connection, transaction, new AlertAttempt(suppression.AlertId, suppression.DedupKey, channel,
                    suppression.Level, suppression.Subject, AlertResults.Suppressed) { SuppressedCount = suppression.Count }, cancellationToken);
            }
        }

        foreach (var alert in plan.Alerts)
        {
            var id = await alerts.CreateAsync(connection, transaction, alert, cancellationToken);
            if (alert.Channels.Contains(AlertChannels.Log))
            {
                // The log channel is delivered right here (after commit): nothing to retry, so no send job.
                await alertLog.RecordAsync(connection, transaction, new AlertAttempt(id, alert.DedupKey, AlertChannels.Log, alert.Level,
                    Subject(alert), AlertResults.Sent), cancellationToken);
            }
        }

        await alerts.AdvanceCursorsAsync(connection, transaction,
            new AlertCursors(errors.Count > 0 ? errors[^1].Id : cursors.LastErrorId, stockOuts.ReadUpTo), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (plan, errors.Count == BatchSize || stockOuts.StockOuts.Count == BatchSize);
    }

    /// <summary>Enqueues the send jobs of alerts not yet enqueued, then marks them, under a lock other dispatchers skip.</summary>
    private async Task EnqueuePendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var pending = await alerts.ClaimUnenqueuedAsync(connection, transaction, BatchSize, cancellationToken);
            foreach (var alert in pending)
            {
                foreach (var channel in alert.Channels.Where(c => c != AlertChannels.Log))
                {
                    var alertId = alert.Id;
                    jobs.Create<AlertSendJob>(job => job.RunAsync(alertId, channel, CancellationToken.None), new EnqueuedState(JobQueues.Default));
                }
            }

            await alerts.MarkEnqueuedAsync(connection, transaction, pending.Select(a => a.Id).ToArray(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (pending.Count < BatchSize)
            {
                return;
            }
        }
    }

    private void LogAlert(NewAlert alert)
    {
        var level = alert.Level switch
        {
            AlertLevels.Critical => LogLevel.Critical,
            AlertLevels.Error => LogLevel.Error,
            AlertLevels.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        LogAlertRaised(logger, level, alert.DedupKey, Subject(alert));
    }

    private static string Subject(NewAlert alert) => AlertText.Subject(alert.Level, alert.Kind, alert.ProductTitle, alert.Message, alert.RepeatsReported);

    [LoggerMessage(Message = "Alert {DedupKey}: {Subject}")]
    private static partial void LogAlertRaised(ILogger logger, LogLevel level, string dedupKey, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert dispatch: {Alerts} alerts raised, {Suppressed} repeats suppressed")]
    private static partial void LogDispatched(ILogger logger, int alerts, int suppressed);
}
