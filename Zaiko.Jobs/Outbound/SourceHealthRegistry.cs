using System.Collections.Concurrent;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Per-process record of each source's recent requests, kept in one-minute buckets for the last hour
/// (latency percentiles over the last 15 minutes from a bounded sample per minute), and its circuit state.
/// </summary>
public sealed class SourceHealthRegistry(TimeProvider timeProvider)
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "half-open";

    private const int SamplesPerMinute = 256;
    private readonly ConcurrentDictionary<string, Tracker> trackers = new(StringComparer.Ordinal);

    public void RecordAttempt(string source, TimeSpan latency, bool success, string? error)
    {
        var tracker = trackers.GetOrAdd(source, _ => new Tracker());
        var now = timeProvider.GetUtcNow();
        lock (tracker)
        {
            var bucket = tracker.BucketFor(now);
            bucket.Requests++;
            if (!success)
            {
                bucket.Failures++;
                tracker.LastError = error;
                tracker.LastErrorAt = now;
            }

            // Reservoir sampling keeps each minute's latency sample bounded and unbiased.
            if (bucket.Latencies.Count < SamplesPerMinute)
            {
                bucket.Latencies.Add(latency.TotalMilliseconds);
            }
            else
            {
                var slot = Random.Shared.NextInt64(bucket.Requests);
                if (slot < SamplesPerMinute)
                {
                    bucket.Latencies[(int)slot] = latency.TotalMilliseconds;
                }
            }
        }
    }

    public void SetCircuitState(string source, string state)
    {
        var tracker = trackers.GetOrAdd(source, _ => new Tracker());
        lock (tracker)
        {
            tracker.CircuitState = state;
        }
    }

    public string CircuitState(string source) => trackers.TryGetValue(source, out var tracker) ? tracker.CircuitState : Closed;

    public IReadOnlyList<SourceHealthSnapshot> Snapshot()
    {
        var now = timeProvider.GetUtcNow();
        return trackers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => Snapshot(pair.Key, pair.Value, now)).ToArray();
    }

    private static SourceHealthSnapshot Snapshot(string source, Tracker tracker, DateTimeOffset now)
    {
        lock (tracker)
        {
            var minute = MinuteOf(now);
            var lastHour = tracker.Buckets.Where(b => b.Minute > minute - 60).ToArray();
            var latencies = lastHour.Where(b => b.Minute > minute - 15).SelectMany(b => b.Latencies).Order().ToArray();
            return new SourceHealthSnapshot(source, tracker.CircuitState, tracker.LastError, tracker.LastErrorAt,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95),
                lastHour.Sum(b => b.Requests), lastHour.Sum(b => b.Failures));
        }
    }

    private static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 1);

    private static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    private sealed class Tracker
    {
        public List<Bucket> Buckets { get; } = [];

        public string CircuitState { get; set; } = Closed;

        public string? LastError { get; set; }

        public DateTimeOffset? LastErrorAt { get; set; }

        public Bucket BucketFor(DateTimeOffset now)
        {
            var minute = MinuteOf(now);
            if (Buckets.Count > 0 && Buckets[^1].Minute == minute)
            {
                return Buckets[^1];
            }

            Buckets.RemoveAll(b => b.Minute <= minute - 60);
            var bucket = new Bucket(minute);
            Buckets.Add(bucket);
            return bucket;
        }
    }

    private sealed class Bucket(long minute)
    {
        public long Minute { get; } = minute;

        public long Requests { get; set; }

        public long Failures { get; set; }

        public List<double> Latencies { get; } = [];
    }
}
