namespace Zaiko.Jobs.Scheduling;

/// <summary>
/// Cron expressions (Asia/Tokyo) of the recurring jobs by their stable id, stored under the settings key
/// <see cref="Key"/>. Ids missing from the stored value keep their default.
/// </summary>
public sealed record ScheduleSettings
{
    public const string Key = "schedules";

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["stock-check"] = "0 8,14,20 * * *",
        ["price-check"] = "0 9,15,21 * * *",
        ["full-validation"] = "0 2 * * *",
        ["health-check"] = "*/5 * * * *",
        ["cleanup"] = "0 3 * * *",
        ["daily-summary"] = "0 23 * * *",
        ["partition-maintenance"] = "30 1 * * *",
        ["sync-sweep"] = "* * * * *",
        ["reconcile"] = "0 * * * *",
        ["fx-update"] = "15 */6 * * *",
        ["alert-dispatch"] = "* * * * *",
    };

    public Dictionary<string, string> Cron { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The cron of a recurring job: the stored one, or its default.</summary>
    public string CronOf(string jobId) =>
        Cron.TryGetValue(jobId, out var cron) && !string.IsNullOrWhiteSpace(cron) ? cron
        : Defaults.TryGetValue(jobId, out var fallback) ? fallback
        : throw new ArgumentException($"no schedule is known for job '{jobId}'", nameof(jobId));
}
