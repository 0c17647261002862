namespace Zaiko.Jobs.Settings;

/// <summary>What an unverifiable offer does to its listings (<see cref="MonitoringSettings.UnverifiableListingPolicy"/>).</summary>
public static class UnverifiableListingPolicies
{
    /// <summary>Keep the listings as they are and hold their sync: a failing check is no evidence of a stock-out.</summary>
    public const string Hold = "hold";

    /// <summary>Lower the listings to 0: for sellers who would rather lose a sale than oversell.</summary>
    public const string Zero = "zero";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Hold, Zero };
}
