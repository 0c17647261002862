using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Executions;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// 23:00 JST: mails the day's executions and success rate, stock and price changes, top errors, listings held
/// for review and the KPIs against their targets. Sent once per day: alert_log remembers it, so a retry or a
/// second trigger does not mail again. A run (or retry) before 06:00 JST reports the day that just ended.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 900, 1800])]
public sealed partial class DailySummaryJob(
    ExecutionRunner runner,
    DailySummaryStore summaries,
    AlertLogStore alertLog,
    SettingsStore settingsStore,
    IMailSender mail,
    TimeProvider timeProvider,
    ILogger<DailySummaryJob> logger)
{
    public const int TopErrors = 5;
    public const int HeldListingsShown = 20;

    /// <summary>Before this time of day (JST) the summary is of the previous day.</summary>
    public static readonly TimeOnly PreviousDayUntil = new(6, 0);

    [DisplayName("日次サマリー")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var day = ReportDay(timeProvider.GetUtcNow());
        var key = DedupKey(day);
        if (await alertLog.WasSentAsync(null, key, AlertChannels.Email, cancellationToken))
        {
            LogAlreadySent(logger, day);
            return;
        }

        await runner.RunAsync(ProcessTypes.DailySummary, "hangfire", async (_, token) =>
        {
            var report = await BuildAsync(day, token);
            var destination = await SendAsync(report, key, token);
            return RunOutcome.Completed(new
            {
                day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                sentTo = destination,
                kpis = report.Kpis.ToDictionary(k => k.Name, k => new { value = k.Value, met = k.Met }),
            });
        }, cancellationToken);
    }

    /// <summary>The report of one JST day, as the job would mail it.</summary>
    public async Task<DailySummaryReport> BuildAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var figures = await summaries.GetAsync(JstTime.StartOf(day), JstTime.StartOf(day.AddDays(1)), TopErrors, HeldListingsShown, cancellationToken);
        return DailySummaryReport.Create(day, figures);
    }

    public static DateOnly ReportDay(DateTimeOffset now)
    {
        var local = JstTime.ToJst(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) < PreviousDayUntil ? day.AddDays(-1) : day;
    }

    public static string DedupKey(DateOnly day) => "daily-summary:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string?> SendAsync(DailySummaryReport report, string key, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(AlertSettings.Key, AlertSettings.Default, cancellationToken);
        var subject = DailySummaryComposer.Subject(report);
        if (!settings.CanDeliver(AlertChannels.Email))
        {
            await RecordAsync(key, subject, AlertResults.Failed, "an SMTP server is set but there are no email recipients", cancellationToken);
            LogNoRecipients(logger, report.Day);
            return null;
        }

        string destination;
        try
        {
            destination = await mail.SendAsync(DailySummaryComposer.Compose(report, settings, timeProvider.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordAsync(key, subject, AlertResults.Failed, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
            throw;
        }

        await RecordAsync(key, subject, AlertResults.Sent, null, CancellationToken.None);
        LogSent(logger, report.Day, report.Kpis.Count(k => k.Met == false));
        return destination;
    }

    private Task<int> RecordAsync(string key, string subject, string result, string? error, CancellationToken cancellationToken) =>
        alertLog.RecordAsync(new AlertAttempt(null, key, AlertChannels.Email, AlertLevels.Info, subject, result) { Error = error }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily summary of {Day} sent ({Missed} KPIs missed)")]
    private static partial void LogSent(ILogger logger, DateOnly day, int missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily summary of {Day} was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily summary of {Day} not sent: an SMTP server is set but there are no email recipients")]
    private static partial void LogNoRecipients(ILogger logger, DateOnly day);
}
