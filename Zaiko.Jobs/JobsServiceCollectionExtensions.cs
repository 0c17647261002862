using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Pricing;
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
        services.AddFxFeed();

        services.AddSingleton<MonitoringSettingsProvider>();
        services.AddSingleton<ListingPlanner>();
        services.AddTransient<RecheckScheduler>();
        services.AddTransient<SyncTrigger>();
        services.AddTransient<ListingPusher>();
        services.AddTransient<RunCloser>();
        services.AddTransient<OfferChecker>();
        services.AddTransient<RecurringJobRegistrar>();

        services.AddTransient<CheckFanOutJob>();
        services.AddTransient<ProductCheckJob>();
        services.AddTransient<BatchCheckJob>();
        services.AddTransient<HealthCheckJob>();
        services.AddTransient<CleanupJob>();
        services.AddTransient<PartitionMaintenanceJob>();
        services.AddTransient<PlatformSyncJob>();
        services.AddTransient<SyncSweepJob>();
        services.AddTransient<ReconcileJob>();
        services.AddTransient<FxUpdateJob>();
        return services;
    }

    private static void AddFxFeed(this IServiceCollection services)
    {
        services.AddOptions<FxOptions>().BindConfiguration(FxOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{FxOptions.Section}:Resilience has a value out of range")
            .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
            {
                if (sandbox.Value.Enabled)
                {
                    options.FeedUrl = sandbox.Value.BaseUrl.TrimEnd('/') + FxOptions.FeedPath;
                }
            })
            .ValidateOnStart();
        services.AddOutboundClient<FxFeedClient>(FxFeedClient.Policy,
            provider => provider.GetRequiredService<IOptions<FxOptions>>().Value.Resilience,
            _ => new RateLimitRule("source:fx", 1, 2));
    }

    private static void AddYahooSource(this IServiceCollection services)
    {
        services.AddOptions<YahooOptions>().BindConfiguration(YahooOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{YahooOptions.Section}:Resilience has a value out of range")
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

}
