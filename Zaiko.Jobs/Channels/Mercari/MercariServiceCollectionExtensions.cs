using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Mercari;

public static class MercariServiceCollectionExtensions
{
    /// <summary>The Mercari Shops channel, when its access token is set in <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddMercari(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ConnectorSettings.AnySet(configuration.GetSection(MercariOptions.Section), nameof(MercariOptions.AccessToken)))
        {
            return services;
        }

        services.AddOptions<MercariOptions>().BindConfiguration(MercariOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{MercariOptions.Section}:Resilience has a value out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.ApiBaseUrl = sandbox.Value.BaseUrl;
                }
            })
            .ValidateOnStart();
        services.AddOutboundClient<MercariClient>(MercariClient.Policy,
            provider => provider.GetRequiredService<IOptions<MercariOptions>>().Value.Resilience,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<MercariOptions>>().Value;
                return new RateLimitRule("channel:mercari", options.RequestsPerSecond, options.Burst);
            });
        services.AddTransient<IChannelConnector>(provider => provider.GetRequiredService<MercariClient>());
        return services;
    }
}
