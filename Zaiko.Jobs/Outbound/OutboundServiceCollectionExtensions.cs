using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace Zaiko.Jobs.Outbound;

/// <summary>The connector kit: what every source and channel folder builds on.</summary>
public static class OutboundServiceCollectionExtensions
{
    /// <summary>Polly's name for the event it reports after every attempt of a retry strategy.</summary>
    private const string ExecutionAttempt = "ExecutionAttempt";

    /// <summary>Outbound rules, the sandbox switch, source health, the connector registries and the resilience log levels.</summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SourceHealthRegistry>();
        services.TryAddTransient(typeof(ConnectorRegistry<>));

        // Polly logs every attempt, a successful one at Information: a line per marketplace request on the console.
        // Successful attempts go to Debug; retries (Warning), open circuits and timeouts (Error) keep their levels.
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = QuietSuccess);
        return services;
    }

    /// <summary>
    /// Login with Amazon tokens and their named client, once however many Amazon connectors ask: the source and the
    /// channel share one token per identity, so they share the client that fetches it.
    /// </summary>
    public static IServiceCollection AddLwaAccessTokens(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(LwaAccessTokens)))
        {
            return services;
        }

        services.AddOptions<LwaOptions>().BindConfiguration(LwaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{LwaOptions.Section}:Resilience has a value out of range")
            .ValidateOnStart();
        services.AddSingleton<LwaAccessTokens>();
        services.AddNamedOutboundClient(LwaAccessTokens.Policy,
            provider => provider.GetRequiredService<IOptions<LwaOptions>>().Value.Resilience,
            _ => LwaAccessTokens.RateLimit);
        return services;
    }

    private static ResilienceEventSeverity QuietSuccess(SeverityProviderArguments args) =>
        args.Event.EventName == ExecutionAttempt && args.Event.Severity == ResilienceEventSeverity.Information
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity;
}
