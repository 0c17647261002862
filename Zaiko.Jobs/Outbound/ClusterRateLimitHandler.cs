using Zaiko.Data.RateLimits;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Takes a token from the PostgreSQL bucket before every attempt (retries included), waiting for the
/// reserved slot, so all worker processes together stay within the marketplace's limit.
/// </summary>
public sealed class ClusterRateLimitHandler(RateLimitRule defaultRule, RateLimitStore store, TimeProvider timeProvider, TimeSpan maxWait) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var rule = request.Options.TryGetValue(RateLimitRule.OptionKey, out var own) ? own : defaultRule;
        var grant = await store.TryAcquireAsync(rule.Key, rule.Burst, rule.PerSecond, maxWait, cancellationToken);
        if (!grant.Acquired)
        {
            throw new RateLimitBusyException($"rate limit {rule.Key} ({rule.PerSecond}/s) is booked more than {maxWait.TotalSeconds:0} s ahead");
        }

        if (grant.Wait > TimeSpan.Zero)
        {
            await Task.Delay(grant.Wait, timeProvider, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
