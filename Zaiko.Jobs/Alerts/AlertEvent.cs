namespace Zaiko.Jobs.Alerts;

/// <summary>Something that may deserve an alert: a new error or a stock-out, with the key its repeats share.</summary>
public sealed record AlertEvent(string DedupKey, AlertScope Scope, string Level, string Kind, string Message, DateTimeOffset OccurredAt)
{
    public long? ErrorId { get; init; }

    public Guid? ExecutionId { get; init; }

    public long? ProductId { get; init; }

    public string? ProductTitle { get; init; }

    public string? Sku { get; init; }

    public string? Platform { get; init; }

    public string? SourceUrl { get; init; }
}
