namespace Zaiko.Data.Alerts;

/// <summary>
/// One line of alert_log: a delivery attempt on a channel (sent or failed, with the error), or a repeat
/// held back by a cooldown (suppressed, with how many). <see cref="AlertId"/> is null for the daily summary.
/// </summary>
public sealed record AlertAttempt(long? AlertId, string DedupKey, string Channel, string Level, string Subject, string Outcome)
{
    public int SuppressedCount { get; init; }

    public string? Error { get; init; }
}
