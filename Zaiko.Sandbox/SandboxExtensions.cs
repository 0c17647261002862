using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Control;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Fx;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox;

public static class SandboxExtensions
{
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        // Per-request logs would cost more than the pages themselves; keep warnings and the "listening on" line.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var options = SandboxOptions.FromConfiguration(builder.Configuration);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = SandboxJson.Web.PropertyNamingPolicy;
            json.SerializerOptions.Encoder = SandboxJson.Web.Encoder;
        });
        services.AddSingleton(options);
        services.AddSingleton(new SandboxClock(TimeProvider.System));
        services.AddSingleton(new SeededRandom(options.Seed));
        services.AddSingleton<RequestJournal>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<SandboxState>();
        services.AddSingleton<Seeder>();
        services.AddSingleton<DriftService>();
        services.AddHostedService(provider => provider.GetRequiredService<DriftService>());
        services.AddSingleton<YahooStore>();
        services.AddSingleton<AmazonStore>();
        services.AddSingleton<SpApiRateLimits>();
        services.AddSingleton<SpApiGate>();
        services.AddSingleton<EbayStore>();
        services.AddSingleton<MercariStore>();
        services.AddSingleton<MercariSchema>();
        services.AddSingleton<FxRates>();
        return builder;
    }

    public static WebApplication UseSandbox(this WebApplication app)
    {
        app.UseMiddleware<SandboxMiddleware>();
        app.MapControlApi();
        app.MapYahooControl();
        app.MapAmazonControl();
        app.MapEbayControl();
        app.MapMercariControl();
        app.MapYahoo();
        app.MapLwa();
        app.MapPricing();
        app.MapListings();
        app.MapEbayAuth();
        app.MapEbayInventory();
        app.MapMercari();
        app.MapFx();
        return app;
    }
}
