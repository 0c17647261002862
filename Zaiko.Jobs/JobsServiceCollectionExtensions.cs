using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Listings;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Scheduling;
using Zaiko.Jobs.Settings;
using Zaiko.Jobs.Sources;
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
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceHealthRegistry>();

        services.AddYahooSource();
        services.AddAmazonSource(configuration);
        services.AddTransient<SourceConnectors>();
        services.AddTransient<ChannelConnectors>();
        if (configuration is not null)
        {
            services.AddChannelConnectors(configuration);
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

    private static void AddAmazonSource(this IServiceCollection services, IConfiguration? configuration)
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
        services.AddSingleton<AmazonAccessTokens>();
        services.AddNamedOutboundClient(AmazonAccessTokens.Policy,
            provider => provider.GetRequiredService<IOptions<AmazonOptions>>().Value.Resilience,
            _ => AmazonAccessTokens.RateLimit);
        services.AddOutboundClient<AmazonPricingClient>(AmazonPricingClient.Policy,
            provider => provider.GetRequiredService<IOptions<AmazonOptions>>().Value.Resilience,
            provider => provider.GetRequiredService<IOptions<AmazonOptions>>().Value.GetItemOffersBatch.Rule(AmazonPricingClient.GetItemOffersBatchOperation));

        // Without credentials there is no Amazon connector at all, and the fan-out reports its offers as unchecked.
        if (configuration?.GetSection(AmazonOptions.Section).Get<AmazonOptions>()?.HasCredentials == true)
        {
            services.AddTransient<ISourceConnector>(provider => provider.GetRequiredService<AmazonPricingClient>());
        }
    }
}
