using System.Collections.Frozen;
using System.Globalization;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>
/// One token bucket per SP-API operation with the documented restore rates and bursts. The rate scale multiplies the
/// restore rate only, so "429 after the burst" still holds in fast tests.
/// </summary>
public sealed class SpApiRateLimits
{
    public const string GetItemOffers = "getItemOffers";
    public const string GetItemOffersBatch = "getItemOffersBatch";
    public const string GetCompetitivePricing = "getCompetitivePricing";
    public const string GetPricing = "getPricing";
    public const string PatchListingsItem = "patchListingsItem";
    public const string GetListingsItem = "getListingsItem";

    private static readonly FrozenDictionary<string, (double Rate, int Burst)> Documented = new Dictionary<string, (double, int)>
    {
        [GetItemOffers] = (0.5, 1),
        [GetItemOffersBatch] = (0.1, 1),
        [GetCompetitivePricing] = (0.5, 1),
        [GetPricing] = (0.5, 1),
        [PatchListingsItem] = (5, 5),
        [GetListingsItem] = (5, 10),
    }.ToFrozenDictionary();

    private readonly SandboxClock clock;
    private readonly double initialScale;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Bucket> buckets = [];
    private double scale;

    public SpApiRateLimits(SandboxClock clock, SandboxOptions options)
    {
        this.clock = clock;
        initialScale = options.RateScale;
        Reset(null);
    }

    public double Scale
    {
        get
        {
            lock (gate)
            {
                return scale;
            }
        }
    }

    /// <summary>Takes a token; false means 429. Also returns the restore rate for <c>x-amzn-RateLimit-Limit</c>.</summary>
    public (bool Allowed, string Limit) TryTake(string operation)
    {
        var (rate, burst) = Documented[operation];
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var bucket = buckets[operation];
            var restoreRate = rate * scale;
            var tokens = Math.Min(burst, bucket.Tokens + Math.Max(0, (now - bucket.At).TotalSeconds) * restoreRate);
            var allowed = tokens >= 1;
            buckets[operation] = new Bucket(allowed ? tokens - 1 : tokens, now);
            return (allowed, restoreRate.ToString("0.####", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Fills every bucket, and sets a new scale (or the start-up one).</summary>
    public void Reset(double? newScale)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            scale = newScale ?? initialScale;
            foreach (var (operation, (_, burst)) in Documented)
            {
                buckets[operation] = new Bucket(burst, now);
            }
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
