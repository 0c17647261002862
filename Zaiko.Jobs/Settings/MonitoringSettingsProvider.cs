using Zaiko.Data.Settings;

namespace Zaiko.Jobs.Settings;

/// <summary>
/// The monitoring thresholds, read from settings at most every <see cref="CacheFor"/>: a check runs
/// hundreds of times a second and must not read the same row each time; a change reaches every worker
/// within the cache period. The cache is one immutable record behind one reference, so concurrent checks
/// see either the old or the new value with its own read time, never a torn mix.
/// </summary>
public sealed class MonitoringSettingsProvider(SettingsStore settings, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private Cached? cached;

    public async Task<MonitoringSettings> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Volatile.Read(ref cached) is { } entry && now - entry.ReadAt < CacheFor)
        {
            return entry.Value;
        }

        var value = await settings.GetAsync(MonitoringSettings.Key, MonitoringSettings.Default, cancellationToken);
        Volatile.Write(ref cached, new Cached(value, now));
        return value;
    }

    private sealed record Cached(MonitoringSettings Value, DateTimeOffset ReadAt);
}
