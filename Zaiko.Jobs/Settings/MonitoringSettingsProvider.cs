using Zaiko.Data.Settings;

namespace Zaiko.Jobs.Settings;

/// <summary>
/// The monitoring thresholds, read from settings at most every <see cref="CacheFor"/>: a check runs
/// hundreds of times a second and must not read the same row each time; a change reaches every worker
/// within the cache period.
/// </summary>
public sealed class MonitoringSettingsProvider(SettingsStore settings, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private (MonitoringSettings Value, DateTimeOffset ReadAt)? cached;

    public async Task<MonitoringSettings> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (cached is { } entry && now - entry.ReadAt < CacheFor)
        {
            return entry.Value;
        }

        var value = await settings.GetAsync(MonitoringSettings.Key, MonitoringSettings.Default, cancellationToken);
        cached = (value, now);
        return value;
    }
}
