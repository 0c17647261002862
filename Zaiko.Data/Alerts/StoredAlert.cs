namespace Zaiko.Data.Alerts;

public sealed record StoredAlert(
    long Id,
    string DedupKey,
    string Level,
    string Kind,
    string Message,
    long? ErrorId,
    Guid? ExecutionId,
    long? ProductId,
    string? ProductTitle,
    string? Sku,
    string? Platform,
    string? SourceUrl,
    string Host,
    DateTimeOffset OccurredAt,
    int RepeatsReported,
    int RepeatsSuppressed,
    string[] Channels,
    DateTimeOffset? EnqueuedAt,
    DateTimeOffset CreatedAt);
