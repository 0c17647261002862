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
    string ChannelList,
    DateTimeOffset? EnqueuedAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>The channels it goes to (the text[] column, read comma-separated: channel names hold no commas).</summary>
    public IReadOnlyList<string> Channels => ChannelList.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
