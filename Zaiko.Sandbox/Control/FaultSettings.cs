namespace Zaiko.Sandbox.Control;

/// <summary>
/// What goes wrong for one target, as <c>PUT /_sandbox/faults</c> takes it. Rates are probabilities per request;
/// hang, throttle, error, bot wall and malformed share one roll, so their sum may not exceed 1.
/// </summary>
public sealed record FaultSettings(
    string Target,
    FaultSettings.Latency? LatencyMs = null,
    double ErrorRate = 0,
    int? ErrorStatus = null,
    double ThrottleRate = 0,
    double HangRate = 0,
    double MalformedRate = 0,
    double BotWallRate = 0)
{
    public sealed record Latency(double P50, double P95);

    public string? Validate()
    {
        double[] rates = [ErrorRate, ThrottleRate, HangRate, MalformedRate, BotWallRate];
        if (Target != SandboxTargets.All && !SandboxTargets.Marketplaces.Contains(Target))
        {
            return $"target must be one of {string.Join(", ", SandboxTargets.Marketplaces)} or all";
        }

        if (rates.Any(rate => rate is < 0 or > 1) || rates.Sum() > 1.0000001)
        {
            return "rates must lie in [0, 1] and add up to at most 1";
        }

        if (LatencyMs is { } latency && (latency.P50 < 0 || latency.P95 < latency.P50 || latency.P95 > 600_000))
        {
            return "latencyMs needs 0 <= p50 <= p95 <= 600000";
        }

        return ErrorStatus is null or (>= 400 and <= 599) ? null : "errorStatus must be a 4xx or 5xx status";
    }
}
