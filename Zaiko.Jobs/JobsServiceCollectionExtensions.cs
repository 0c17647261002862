using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Alerts;
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
        // The generic webhook's outbound policy is fixed when its client is built, so its allowed hosts are read
        // from configuration here; a database setting can pick a URL on those hosts but never add a host.
        var webhookHosts = builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>()?.WebhookAllowedHosts ?? [];
        builder.Services.AddZaikoJobs(webhookHosts);
        return builder;
    }

    public static IServiceCollection AddZaikoJobs(this IServiceCollection services) => services.AddZaikoJobs([]);

    /// <param name="webhookHosts">Hosts the generic alert webhook may post to.</param>
    public static IServiceCollection AddZaikoJobs(this IServiceCollection services, IReadOnlyList<string> webhookHosts)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceHealthRegistry>();

        services.AddYahooSource();
        services.AddTransient<SourceConnectors>();

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

        services.AddAlerts(webhookHosts);
        return services;
    }

    private static void AddAlerts(this IServiceCollection services, IReadOnlyList<string> webhookHosts)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => IsValid(options.Resilience), $"{AlertOptions.Section}:Resilience has a value out of range")
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
