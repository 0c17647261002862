using System.Collections.Frozen;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Fx;

/// <summary>
/// Euro reference rates. Unless a test pins a date, the feed is dated the latest weekday, as the ECB publishes on
/// working days only; pinning an old date is how a stale-rate test is set up.
/// </summary>
public sealed class FxRates(SandboxClock clock)
{
    public static readonly FrozenDictionary<string, decimal> Defaults = new Dictionary<string, decimal>
    {
        ["USD"] = 1.1592m,
        ["JPY"] = 181.12m,
        ["GBP"] = 0.8771m,
        ["CNY"] = 8.2184m,
        ["KRW"] = 1702.34m,
    }.ToFrozenDictionary();

    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, decimal> rates = Defaults;
    private DateOnly? pinnedDate;

    public (DateOnly Date, IReadOnlyDictionary<string, decimal> Rates) Current()
    {
        lock (gate)
        {
            return (pinnedDate ?? LatestWeekday(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), rates);
        }
    }

    public void Set(DateOnly? date, IReadOnlyDictionary<string, decimal>? newRates)
    {
        lock (gate)
        {
            pinnedDate = date;
            if (newRates is not null)
            {
                var merged = new Dictionary<string, decimal>(rates, StringComparer.Ordinal);
                foreach (var (currency, rate) in newRates)
                {
                    merged[currency.ToUpperInvariant()] = rate;
                }

                rates = merged;
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            pinnedDate = null;
            rates = Defaults;
        }
    }

    private static DateOnly LatestWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
