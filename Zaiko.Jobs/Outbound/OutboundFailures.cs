using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Zaiko.Jobs.Outbound;

/// <summary>What a connector turns into an observation instead of letting it fail the check job.</summary>
public static class OutboundFailures
{
    /// <summary>
    /// Everything that can go wrong on the way — network, timeouts, an open circuit, the guard, a busy rate limit —
    /// counts as "unknown", never as evidence about stock. Only the caller's own cancellation is not expected.
    /// </summary>
    public static bool IsExpected(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OutboundRequestRejectedException
            or RateLimitBusyException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
