using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Channels.Amazon;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Listings;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Scheduling;
using Zaiko.Jobs.Settings;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Jobs.Sync;

namespace Zaiko.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddZaikoJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddZaikoJobs(builder.Configuration);
        return builder;
    }

    /// <param name="configuration">
    /// Decides which credentialed sources and channels get a connector (Amazon needs its LWA credentials, each
    /// channel its own); without it, none does.
    /// </param>
    public static IServiceCollection AddZaikoJobs(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutbound();

        services.AddYahoo();
        services.AddAmazonSource(configuration);
        if (configuration is not null)
        {
            services.AddEbay(configuration);
            services.AddAmazonChannel(configuration);
            services.AddMercari(configuration);
        }

        services.AddFxFeed();

        services.AddSingleton<MonitoringSettingsProvider>();
        services.AddTransient<ListingPlanner>();
        services.AddTransient<RecheckScheduler>();
        services.AddTransient<SyncTrigger>();
        services.AddTransient<ListingPusher>();
        services.AddTransient<RunCloser>();
        services.AddTransient<ExecutionRunner>();
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

        // The generic webhook's outbound policy is fixed when its client is built, so its allowed hosts come from
        // configuration; a database setting can pick a URL on those hosts but never add a host.
        services.AddAlerts(configuration?.GetSection(AlertOptions.Section).Get<AlertOptions>()?.WebhookAllowedHosts ?? []);
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

    private static void AddAlerts(this IServiceCollection services, IReadOnlyList<string> webhookHosts)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => ConnectorOptionsValidation.IsValid(options.Resilience), $"{AlertOptions.Section}:Resilience has a value out of range")
            .Validate(options => options.WebhookAllowedHosts.All(IsHostPattern),
                $"{AlertOptions.Section}:WebhookAllowedHosts must hold host names only (no scheme, port or path)")
            .ValidateOnStart();
        services.AddSingleton<MailDropFolder>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        Func<IServiceProvider, ConnectorResilienceOptions> resilience = provider => provider.GetRequiredService<IOptions<AlertOptions>>().Value.Resilience;
        services.AddOutboundClient<SlackWebhookClient>(SlackWebhookClient.Policy, resilience, _ => SlackWebhookClient.RateLimit);
        services.AddOutboundClient<JsonWebhookClient>(JsonWebhookClient.CreatePolicy(webhookHosts), resilience, _ => JsonWebhookClient.RateLimit);
        services.AddTransient<AlertDispatchJob>();
        services.AddTransient<AlertSendJob>();
        services.AddTransient<DailySummaryJob>();
    }

    private static bool IsHostPattern(string host) => Uri.CheckHostName(host.Replace("*", "x", StringComparison.Ordinal)) == UriHostNameType.Dns;
}
