namespace Zaiko.Jobs.Maintenance;

/// <summary>How long records are kept (settings key <see cref="Key"/>).</summary>
public sealed record RetentionSettings
{
    public const string Key = "retention";

    public static readonly RetentionSettings Default = new();

    /// <summary>Whole monthly partitions of stock_history older than this are dropped.</summary>
    public int HistoryMonths { get; init; } = 13;

    public int ResolvedErrorDays { get; init; } = 90;

    public int ExecutionDays { get; init; } = 180;

    public int HealthCheckDays { get; init; } = 30;

    /// <summary>Alerts and their delivery log (the cooldowns look back minutes, the daily summary one day).</summary>
    public int AlertDays { get; init; } = 90;
}
