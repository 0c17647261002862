namespace Zaiko.Jobs.Outbound;

/// <summary>The cluster-wide bucket is booked further ahead than a request may wait; the request was not sent.</summary>
public sealed class RateLimitBusyException(string message) : Exception(message);
