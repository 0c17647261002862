namespace Zaiko.Data.Health;

/// <summary>One component's state at one health check (a row of health_check_results).</summary>
public sealed record HealthCheckResult(string Component, string Status, double? LatencyMs, string DetailsJson)
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Failed = "failed";
}
