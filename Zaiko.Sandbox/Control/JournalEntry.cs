namespace Zaiko.Sandbox.Control;

/// <summary>One request a marketplace endpoint received, as the control API reports it (camelCase JSON).</summary>
public sealed record JournalEntry(
    long Seq,
    DateTimeOffset Time,
    string Target,
    string Method,
    string Path,
    string Query,
    int Status,
    double DurationMs,
    string? RequestBody,
    string? ContentType,
    string? UserAgent,
    string? Authorization,
    string? Fault);
