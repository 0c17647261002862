using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Yahoo;

public static class YahooServiceCollectionExtensions
{
    /// <summary>The Yahoo! Auctions source: its options, the shared page scraper, and the client as a source connector.</summary>
    public static IServiceCollection AddYahoo(this IServiceCollection services)
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
        return services;
    }
}
