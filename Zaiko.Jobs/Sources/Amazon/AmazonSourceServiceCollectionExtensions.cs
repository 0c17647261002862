using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

public static class AmazonSourceServiceCollectionExtensions
{
    /// <summary>
    /// The SP-API pricing client with its options (always, so settings are validated), and the Amazon source connector
    /// only when <paramref name="configuration"/> holds all three LWA credentials: without them the fan-out reports
    /// Amazon offers as unchecked.
    /// </summary>
    public static IServiceCollection AddAmazonSource(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddOptions<AmazonOptions>().BindConfiguration(AmazonOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{AmazonOptions.Section}:Resilience has a value out of range")
            .Validate(options => ConnectorOptionsValidation.IsValid(options.GetItemOffers) && ConnectorOptionsValidation.IsValid(options.GetItemOffersBatch) && ConnectorOptionsValidation.IsValid(options.GetCompetitivePricing),
                $"{AmazonOptions.Section}: an operation's RequestsPerSecond or Burst is out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.SpApiBaseUrl = sandbox.Value.BaseUrl;
                    options.LwaTokenUrl = sandbox.Value.BaseUrl.TrimEnd('/') + "/auth/o2/token";
                }
            })
            .ValidateOnStart();
        services.AddLwaAccessTokens();
        services.AddOutboundClient<AmazonPricingClient>(AmazonPricingClient.Policy,
            provider => provider.GetRequiredService<IOptions<AmazonOptions>>().Value.Resilience,
            provider => provider.GetRequiredService<IOptions<AmazonOptions>>().Value.GetItemOffersBatch.Rule(AmazonPricingClient.GetItemOffersBatchOperation));

        if (configuration?.GetSection(AmazonOptions.Section).Get<AmazonOptions>()?.HasCredentials == true)
        {
            services.AddTransient<ISourceConnector>(provider => provider.GetRequiredService<AmazonPricingClient>());
        }

        return services;
    }
}
