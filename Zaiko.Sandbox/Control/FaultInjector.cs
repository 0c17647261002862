using System.Collections.Concurrent;

namespace Zaiko.Sandbox.Control;

/// <summary>Holds the fault settings per target and draws, per request, the latency and the fault to apply.</summary>
public sealed class FaultInjector(SeededRandom random)
{
    private readonly ConcurrentDictionary<string, FaultSettings> settings = new();

    public IReadOnlyCollection<FaultSettings> Current => settings.Values.OrderBy(s => s.Target, StringComparer.Ordinal).ToList();

    public void Set(FaultSettings value)
    {
        var targets = value.Target == SandboxTargets.All ? SandboxTargets.Marketplaces : [value.Target];
        foreach (var target in targets)
        {
            settings[target] = value with { Target = target };
        }
    }

    public void Clear(string? target)
    {
        if (target is null or SandboxTargets.All)
        {
            settings.Clear();
            return;
        }

        settings.TryRemove(target, out _);
    }

    public (TimeSpan Delay, FaultKind Kind, int ErrorStatus) Decide(string target)
    {
        if (settings.IsEmpty || !settings.TryGetValue(target, out var fault))
        {
            return (TimeSpan.Zero, FaultKind.None, 0);
        }

        var delay = fault.LatencyMs is { } latency ? TimeSpan.FromMilliseconds(SampleLatency(latency)) : TimeSpan.Zero;
        var roll = random.NextDouble();
        var kind = Pick(roll, (fault.HangRate, FaultKind.Hang), (fault.ThrottleRate, FaultKind.Throttle),
            (fault.ErrorRate, FaultKind.Error), (fault.BotWallRate, FaultKind.BotWall), (fault.MalformedRate, FaultKind.Malformed));
        return (delay, kind, fault.ErrorStatus ?? StatusCodes.Status503ServiceUnavailable);
    }

    private static FaultKind Pick(double roll, params (double Rate, FaultKind Kind)[] choices)
    {
        var cumulative = 0.0;
        foreach (var (rate, kind) in choices)
        {
            cumulative += rate;
            if (roll < cumulative)
            {
                return kind;
            }
        }

        return FaultKind.None;
    }

    /// <summary>A log-normal draw whose median is p50 and whose 95th percentile is p95 — the usual shape of network latency.</summary>
    private double SampleLatency(FaultSettings.Latency latency)
    {
        if (latency.P50 <= 0 || latency.P95 <= latency.P50)
        {
            return latency.P50;
        }

        var mu = Math.Log(latency.P50);
        var sigma = (Math.Log(latency.P95) - mu) / 1.6448536;
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Min(Math.Exp(mu + sigma * normal), 600_000);
    }
}
