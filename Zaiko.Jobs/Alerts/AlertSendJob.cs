using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Delivers one alert on one channel. Every attempt is written to alert_log (sent, or failed with the error);
/// a failure is rethrown so Hangfire retries with growing delays (about two hours in all). A retry or a second
/// copy of the job does nothing once alert_log says the alert went out on that channel.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 8, DelaysInSeconds = [30, 60, 120, 300, 600, 1200, 1800, 3600])]
public sealed partial class AlertSendJob(
    AlertStore alerts,
    AlertLogStore alertLog,
    SettingsStore settingsStore,
    IMailSender mail,
    SlackWebhookClient slack,
    JsonWebhookClient webhook,
    ILogger<AlertSendJob> logger)
{
    [DisplayName("アラート送信 {1} #{0}")]
    public async Task RunAsync(long alertId, string channel, CancellationToken cancellationToken)
    {
        var alert = await alerts.GetAsync(alertId, cancellationToken);
        if (alert is null)
        {
            LogMissing(logger, alertId, channel);
            return;
        }

        if (await alertLog.WasSentAsync(alert.Id, alert.DedupKey, channel, cancellationToken))
        {
            LogAlreadySent(logger, alert.Id, channel);
            return;
        }

        var settings = await settingsStore.GetAsync(AlertSettings.Key, AlertSettings.Default, cancellationToken);
        if (!settings.CanDeliver(channel))
        {
            // Unset since the alert was raised: retrying cannot help, the log line says why it was not sent.
            await RecordAsync(alert, channel, AlertResults.Failed, $"{channel} is not configured any more", CancellationToken.None);
            return;
        }

        try
        {
            await SendAsync(alert, channel, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempt = await RecordAsync(alert, channel, AlertResults.Failed, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
            LogFailed(logger, ex, alert.Id, channel, attempt);
            throw;
        }

        var sent = await RecordAsync(alert, channel, AlertResults.Sent, null, CancellationToken.None);
        LogSent(logger, alert.Id, channel, sent);
    }

    private Task SendAsync(StoredAlert alert, string channel, AlertSettings settings, CancellationToken cancellationToken) => channel switch
    {
        AlertChannels.Email => mail.SendAsync(AlertEmailComposer.Compose(alert, settings), cancellationToken),
        AlertChannels.Slack => slack.PostAsync(settings.SlackWebhookUrl, alert, cancellationToken),
        AlertChannels.Webhook => webhook.PostAsync(settings.WebhookUrl, alert, cancellationToken),
        _ => throw new ArgumentException($"'{channel}' is not a channel a send job delivers", nameof(channel)),
    };

    // Written even when the job is being cancelled: the attempt happened.
    private Task<int> RecordAsync(StoredAlert alert, string channel, string result, string? error, CancellationToken cancellationToken) =>
        alertLog.RecordAsync(new AlertAttempt(alert.Id, alert.DedupKey, channel, alert.Level, AlertText.Subject(alert), result) { Error = error },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} sent on {Channel} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, long alertId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} could not be sent on {Channel} (attempt {Attempt}); Hangfire retries it")]
    private static partial void LogFailed(ILogger logger, Exception exception, long alertId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was already sent on {Channel}; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, long alertId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} for {Channel} no longer exists; nothing to send")]
    private static partial void LogMissing(ILogger logger, long alertId, string channel);
}
