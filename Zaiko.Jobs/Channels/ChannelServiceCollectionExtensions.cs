using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Channels.Amazon;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// Registers a connector for each channel whose credentials are configured (any of them set: a partial set then
    /// fails validation at start instead of silently disabling the channel). Decided on <paramref name="configuration"/>
    /// at composition, because the set of connectors cannot change once the container is built.
    /// </summary>
    public static IServiceCollection AddChannelConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        if (HasAny(configuration.GetSection(EbayOptions.Section), nameof(EbayOptions.ClientId), nameof(EbayOptions.ClientSecret), nameof(EbayOptions.RefreshToken)))
        {
            services.AddEbayChannel();
        }

        if (HasAny(configuration.GetSection(AmazonListingsOptions.Section), nameof(AmazonListingsOptions.ClientId),
                nameof(AmazonListingsOptions.ClientSecret), nameof(AmazonListingsOptions.RefreshToken), nameof(AmazonListingsOptions.SellerId)))
        {
            services.AddAmazonChannel();
        }

        if (HasAny(configuration.GetSection(MercariOptions.Section), nameof(MercariOptions.AccessToken)))
        {
            services.AddMercariChannel();
        }

        return services;
    }

    private static void AddEbayChannel(this IServiceCollection services)
    {
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
    }

    private static void AddAmazonChannel(this IServiceCollection services)
    {
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
        services.AddSingleton<AmazonListingsTokens>();

        // Every listings request names its operation's rule; the default only covers what does not.
        services.AddOutboundClient<AmazonListingsClient>(AmazonListingsClient.Policy,
            provider => provider.GetRequiredService<IOptions<AmazonListingsOptions>>().Value.Resilience,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<AmazonListingsOptions>>().Value;
                return new RateLimitRule("channel:amazon:getListingsItem", options.GetPerSecond, options.GetBurst);
            });
        services.AddTransient<IChannelConnector>(provider => provider.GetRequiredService<AmazonListingsClient>());
    }

    private static void AddMercariChannel(this IServiceCollection services)
    {
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
    }

    private static bool HasAny(IConfiguration section, params string[] keys) => keys.Any(key => !string.IsNullOrWhiteSpace(section[key]));
}
