namespace Zaiko.Data.Alerts;

public sealed record AlertLogEntry(
    long Id,
    long? AlertId,
    string DedupKey,
    string Channel,
    string Severity,
    string Subject,
    string Result,
    int Attempt,
    int SuppressedCount,
    string? Error,
    DateTimeOffset SentAt);
