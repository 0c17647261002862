using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Amazon;

public static class AmazonChannelServiceCollectionExtensions
{
    /// <summary>
    /// The Amazon seller-listings channel, when any of its credentials is set in <paramref name="configuration"/> (a
    /// partial set then fails validation at start). Its LWA tokens come from the kit's <see cref="LwaAccessTokens"/>,
    /// shared with the Amazon source when both are configured with the same identity.
    /// </summary>
    public static IServiceCollection AddAmazonChannel(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ConnectorSettings.AnySet(configuration.GetSection(AmazonListingsOptions.Section), nameof(AmazonListingsOptions.ClientId),
                nameof(AmazonListingsOptions.ClientSecret), nameof(AmazonListingsOptions.RefreshToken), nameof(AmazonListingsOptions.SellerId)))
        {
            return services;
        }

        services.AddOptions<AmazonListingsOptions>().BindConfiguration(AmazonListingsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{AmazonListingsOptions.Section}:Resilience has a value out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.ApiBaseUrl = sandbox.Value.BaseUrl;
                    options.TokenBaseUrl = sandbox.Value.BaseUrl;
                }
            })
            .ValidateOnStart();
        services.AddLwaAccessTokens();

        // Every listings request names its operation's rule; the default only covers what does not.
        services.AddOutboundClient<AmazonListingsClient>(AmazonListingsClient.Policy,
            provider => provider.GetRequiredService<IOptions<AmazonListingsOptions>>().Value.Resilience,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<AmazonListingsOptions>>().Value;
                return new RateLimitRule("channel:amazon:getListingsItem", options.GetPerSecond, options.GetBurst);
            });
        services.AddTransient<IChannelConnector>(provider => provider.GetRequiredService<AmazonListingsClient>());
        return services;
    }
}
