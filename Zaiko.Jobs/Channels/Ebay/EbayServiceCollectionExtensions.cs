using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Ebay;

public static class EbayServiceCollectionExtensions
{
    /// <summary>
    /// The eBay channel, when any of its credentials is set in <paramref name="configuration"/> (a partial set then fails
    /// validation at start). Decided at composition: the set of connectors cannot change once the container is built.
    /// </summary>
    public static IServiceCollection AddEbay(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ConnectorSettings.AnySet(configuration.GetSection(EbayOptions.Section),
                nameof(EbayOptions.ClientId), nameof(EbayOptions.ClientSecret), nameof(EbayOptions.RefreshToken)))
        {
            return services;
        }

        services.AddOptions<EbayOptions>().BindConfiguration(EbayOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{EbayOptions.Section}:Resilience has a value out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.ApiBaseUrl = sandbox.Value.BaseUrl;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<EbayAccessTokens>();
        services.AddOutboundClient<EbayClient>(EbayClient.Policy,
            provider => provider.GetRequiredService<IOptions<EbayOptions>>().Value.Resilience,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<EbayOptions>>().Value;
                return new RateLimitRule("channel:ebay", options.RequestsPerSecond, options.Burst);
            });
        services.AddTransient<IChannelConnector>(provider => provider.GetRequiredService<EbayClient>());
        return services;
    }
}
