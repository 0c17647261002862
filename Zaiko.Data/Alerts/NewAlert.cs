namespace Zaiko.Data.Alerts;

/// <summary>An alert to record: what it reports (a snapshot, so later edits do not change a sent message) and where it goes.</summary>
public sealed record NewAlert(string DedupKey, string Level, string Kind, string Message, DateTimeOffset OccurredAt, IReadOnlyList<string> Channels)
{
    public long? ErrorId { get; init; }

    public Guid? ExecutionId { get; init; }

    public long? ProductId { get; init; }

    public string? ProductTitle { get; init; }

    public string? Sku { get; init; }

    public string? Platform { get; init; }

    public string? SourceUrl { get; init; }

    public string Host { get; init; } = Environment.MachineName;

    public int RepeatsReported { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DedupKey) || DedupKey.Length > 200)
        {
            throw new InvalidInputException("dedup_key", "is required and at most 200 characters");
        }

        if (!AlertLevels.Ordered.Contains(Level))
        {
            throw new InvalidInputException("level", $"'{Level}' is not one of {string.Join(", ", AlertLevels.Ordered)}");
        }

        if (string.IsNullOrWhiteSpace(Kind) || Kind.Length > 50)
        {
            throw new InvalidInputException("kind", "is required and at most 50 characters");
        }

        if (string.IsNullOrWhiteSpace(Message))
        {
            throw new InvalidInputException("message", "is required");
        }

        if (Channels.FirstOrDefault(channel => !AlertChannels.All.Contains(channel)) is { } unknown)
        {
            throw new InvalidInputException("channels", $"'{unknown}' is not one of {string.Join(", ", AlertChannels.All)}");
        }

        if (RepeatsReported < 0)
        {
            throw new InvalidInputException("repeats_reported", "cannot be negative");
        }
    }
}
