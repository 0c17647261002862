namespace Zaiko.Data.RateLimits;

/// <summary>
/// The answer of a cluster-wide token bucket: when <see cref="Acquired"/>, the caller owns a slot that
/// starts after <see cref="Wait"/>; otherwise the bucket is booked further ahead than the caller may wait.
/// </summary>
public sealed record RateLimitGrant(bool Acquired, TimeSpan Wait);
