using System.ComponentModel.DataAnnotations;

namespace Zaiko.Jobs.Outbound;

/// <summary>Timeouts, retries and circuit breaker of one connector (a sub-section "Resilience" of its options).</summary>
public sealed class ConnectorResilienceOptions
{
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; init; } = 20;

    [Range(1, 900)]
    public int TotalTimeoutSeconds { get; init; } = 120;

    [Range(0, 10)]
    public int MaxRetries { get; init; } = 3;

    [Range(10, 60_000)]
    public int RetryBaseDelayMs { get; init; } = 1000;

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; init; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; init; } = 10;

    [Range(1, 3600)]
    public int BreakerSamplingSeconds { get; init; } = 60;

    [Range(1, 3600)]
    public int BreakDurationSeconds { get; init; } = 30;

    /// <summary>How long a request may wait for its cluster-wide rate-limit slot before giving up.</summary>
    [Range(1, 3600)]
    public int MaxRateLimitWaitSeconds { get; init; } = 120;
}
