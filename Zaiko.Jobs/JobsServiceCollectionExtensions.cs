using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Channels.Amazon;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Scheduling;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Jobs.Sync;

namespace Zaiko.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddZaikoJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddZaikoJobs();
        builder.Services.AddChannelConnectors(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddZaikoJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceHealthRegistry>();

        services.AddYahooSource();
        services.AddTransient<SourceConnectors>();
        services.AddTransient<ChannelConnectors>();

        services.AddSingleton<MonitoringSettingsProvider>();
        services.AddSingleton<ListingPlanner>();
        services.AddTransient<RecheckScheduler>();
        services.AddTransient<RunCloser>();
        services.AddTransient<OfferChecker>();
        services.AddTransient<RecurringJobRegistrar>();

        services.AddTransient<CheckFanOutJob>();
        services.AddTransient<ProductCheckJob>();
        services.AddTransient<BatchCheckJob>();
        services.AddTransient<HealthCheckJob>();
        services.AddTransient<CleanupJob>();
        services.AddTransient<PartitionMaintenanceJob>();
        return services;
    }

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
            .Validate(options => IsValid(options.Resilience), $"{EbayOptions.Section}:Resilience has a value out of range")
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
            .Validate(options => IsValid(options.Resilience), $"{AmazonListingsOptions.Section}:Resilience has a value out of range")
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
            .Validate(options => IsValid(options.Resilience), $"{MercariOptions.Section}:Resilience has a value out of range")
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

    private static void AddYahooSource(this IServiceCollection services)
    {
        services.AddOptions<YahooOptions>().BindConfiguration(YahooOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => IsValid(options.Resilience), $"{YahooOptions.Section}:Resilience has a value out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.BaseUrl = sandbox.Value.BaseUrl;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<YahooPageScraper>();
        services.AddOutboundClient<YahooClient>(YahooClient.Policy,
            provider => provider.GetRequiredService<IOptions<YahooOptions>>().Value.Resilience,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<YahooOptions>>().Value;
                return new RateLimitRule("source:yahoo", options.RequestsPerSecond, options.Burst);
            });
        services.AddTransient<ISourceConnector>(provider => provider.GetRequiredService<YahooClient>());
    }

    private static bool IsValid(object options) => Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);
}
