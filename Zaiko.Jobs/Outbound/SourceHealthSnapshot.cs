namespace Zaiko.Jobs.Outbound;

/// <summary>How one source or channel has been answering: circuit state, last error, latency and volume.</summary>
public sealed record SourceHealthSnapshot(
    string Source,
    string CircuitState,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    double? P50LatencyMs,
    double? P95LatencyMs,
    long RequestsLastHour,
    long FailuresLastHour);
