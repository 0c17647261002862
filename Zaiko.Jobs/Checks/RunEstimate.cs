using System.Globalization;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// How long a check run takes at the configured rate limits. Sources are limited independently and checked in
/// parallel, so the slowest one sets the pace: 30,000 Yahoo! offers at 1 request/s take 8.3 hours, whatever
/// Amazon does meanwhile.
/// </summary>
public sealed record RunEstimate(TimeSpan Expected, string Summary)
{
    public static RunEstimate Of(IEnumerable<(string Platform, long Offers, int BatchSize, double RequestsPerSecond)> sources)
    {
        var parts = sources.Select(s =>
        {
            var requests = (s.Offers + s.BatchSize - 1) / s.BatchSize;
            var duration = TimeSpan.FromSeconds(requests / s.RequestsPerSecond);
            return (Duration: duration, Text: string.Create(CultureInfo.InvariantCulture,
                $"{s.Platform} {s.Offers} offers in {requests} requests at {s.RequestsPerSecond:0.###}/s ≈ {duration.TotalHours:0.0} h"));
        }).ToArray();
        return new RunEstimate(parts.Length == 0 ? TimeSpan.Zero : parts.Max(p => p.Duration), string.Join("; ", parts.Select(p => p.Text)));
    }

    /// <summary>Whether the run started at <paramref name="now"/> is still going when the next one is due.</summary>
    public bool Overruns(DateTimeOffset now, DateTimeOffset? nextRun) => nextRun is { } next && now + Expected > next;
}
