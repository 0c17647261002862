using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Zaiko.Data.RateLimits;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The one way a connector's typed <see cref="HttpClient"/> is built. Outside in: total timeout → retry
/// (exponential backoff with jitter, honouring Retry-After; 5xx, 408, 429 and network errors) → circuit
/// breaker → attempt timeout → cluster-wide rate limit → health recording → outbound guard → sockets.
/// The rate limit sits inside the retry so every attempt, retries included, spends a token.
/// </summary>
public static class OutboundHttpExtensions
{
    public static IHttpClientBuilder AddOutboundClient<TClient>(
        this IServiceCollection services,
        OutboundPolicy policy,
        Func<IServiceProvider, ConnectorResilienceOptions> resilience,
        Func<IServiceProvider, RateLimitRule> rateLimit)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>(policy.Source)
            .ConfigurePrimaryHttpMessageHandler(provider => GuardedSocketsHandler.Create(provider.GetRequiredService<IOptions<SandboxOptions>>().Value))
            .ConfigureHttpClient((provider, httpClient) =>
                httpClient.MaxResponseContentBufferSize = provider.GetRequiredService<IOptions<OutboundOptions>>().Value.MaxResponseBytes);
        client.AddResilienceHandler(policy.Source, (pipeline, context) =>
            {
                var options = resilience(context.ServiceProvider);
                var health = context.ServiceProvider.GetRequiredService<SourceHealthRegistry>();
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
                // MaxRetries 0 means no retry strategy at all: Polly's retry refuses zero attempts.
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.BreakerFailureRatio,
                        MinimumThroughput = options.BreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                        BreakDuration = TimeSpan.FromSeconds(options.BreakDurationSeconds),
                        OnOpened = _ => SetCircuit(health, policy.Source, SourceHealthRegistry.Open),
                        OnHalfOpened = _ => SetCircuit(health, policy.Source, SourceHealthRegistry.HalfOpen),
                        OnClosed = _ => SetCircuit(health, policy.Source, SourceHealthRegistry.Closed),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
            });
        return client
            .AddHttpMessageHandler(provider => new ClusterRateLimitHandler(
                rateLimit(provider),
                provider.GetRequiredService<RateLimitStore>(),
                provider.GetRequiredService<TimeProvider>(),
                TimeSpan.FromSeconds(resilience(provider).MaxRateLimitWaitSeconds)))
            .AddHttpMessageHandler(provider => new SourceHealthHandler(policy.Source, provider.GetRequiredService<SourceHealthRegistry>()))
            .AddHttpMessageHandler(provider => new OutboundGuardHandler(
                policy,
                provider.GetRequiredService<IOptions<OutboundOptions>>(),
                provider.GetRequiredService<IOptions<SandboxOptions>>()));
    }

    private static ValueTask SetCircuit(SourceHealthRegistry health, string source, string state)
    {
        health.SetCircuitState(source, state);
        return ValueTask.CompletedTask;
    }
}
