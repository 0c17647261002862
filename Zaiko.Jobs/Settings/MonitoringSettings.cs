namespace Zaiko.Jobs.Settings;

/// <summary>
/// Thresholds of the safety and anomaly rules (DESIGN.md section 6), stored under the settings key
/// <see cref="Key"/>; staff change them without a deployment.
/// </summary>
public sealed record MonitoringSettings
{
    public const string Key = "monitoring";

    public static readonly MonitoringSettings Default = new();

    /// <summary>A price move beyond ± this percentage holds the price sync for review.</summary>
    public decimal PriceSpikeThresholdPct { get; init; } = 30m;

    /// <summary>Consecutive failed checks after which an offer is unverifiable.</summary>
    public int UnverifiableAfterFailures { get; init; } = 3;

    /// <summary>What an unverifiable offer does to its listings: <see cref="UnverifiableListingPolicies"/>, hold by default.</summary>
    public string UnverifiableListingPolicy { get; init; } = UnverifiableListingPolicies.Hold;

    /// <summary>A 404/410 lowers stock only when a second check at least this much later confirms it.</summary>
    public int GoneConfirmationMinutes { get; init; } = 5;

    /// <summary>Above this share of a run's Yahoo pages unreadable, the run raises one critical layout alert.</summary>
    public decimal LayoutChangedRunThresholdPct { get; init; } = 5m;

    /// <summary>More offers than this newly out of stock in one run is suspicious enough to be critical.</summary>
    public int StockOutChainThreshold { get; init; } = 10;

    /// <summary>Sources with more than this share of failed checks in a run count as failing.</summary>
    public decimal SourceFailingThresholdPct { get; init; } = 50m;

    /// <summary>A running execution without progress for this long is closed as failed by the health check.</summary>
    public int StaleExecutionMinutes { get; init; } = 120;

    /// <summary>A delayed check is scheduled this long after a known auction end.</summary>
    public int EndTimeCheckDelayMinutes { get; init; } = 2;
}
