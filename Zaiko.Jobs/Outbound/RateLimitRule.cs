namespace Zaiko.Jobs.Outbound;

/// <summary>
/// A cluster-wide token bucket: <paramref name="PerSecond"/> requests per second with bursts of
/// <paramref name="Burst"/>, shared by every process under <paramref name="Key"/>. A request can carry
/// its own rule (per SP-API operation) in <see cref="OptionKey"/>; otherwise the client's default applies.
/// </summary>
public sealed record RateLimitRule(string Key, double PerSecond, double Burst)
{
    public static readonly HttpRequestOptionsKey<RateLimitRule> OptionKey = new("Zaiko.RateLimitRule");
}
