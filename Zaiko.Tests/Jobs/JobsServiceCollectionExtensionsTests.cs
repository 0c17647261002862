using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Sources.Yahoo;

namespace Zaiko.Tests.Jobs;

public sealed class JobsServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> AmazonCredentials = new()
    {
        ["Sources:Amazon:ClientId"] = "amzn1.application-oa2-client.test",
        ["Sources:Amazon:ClientSecret"] = "secret",
        ["Sources:Amazon:RefreshToken"] = "Atzr|test",
    };

    [Fact]
    public void AddZaikoJobs_RegistersOneSharedYahooPageScraper()
    {
        using var services = new ServiceCollection().AddZaikoJobs().BuildServiceProvider();

        var first = services.GetRequiredService<YahooPageScraper>();

        Assert.Same(first, services.GetRequiredService<YahooPageScraper>());
    }

    [Fact]
    public void AddZaikoJobs_RegistersNoChannelConnector_WhenNoCredentialsAreConfigured()
    {
        using var services = Compose();

        var connectors = services.GetRequiredService<ConnectorRegistry<IChannelConnector>>();

        Assert.Empty(connectors.All);
    }

    [Fact]
    public void AddZaikoJobs_RegistersOnlyTheChannelsWithCredentials()
    {
        using var services = Compose(
            ("Channels:Ebay:ClientId", "id"), ("Channels:Ebay:ClientSecret", "secret"), ("Channels:Ebay:RefreshToken", "refresh"),
            ("Channels:Mercari:AccessToken", "token"));

        var connectors = services.GetRequiredService<ConnectorRegistry<IChannelConnector>>();

        Assert.Equal([ChannelPlatforms.Ebay, ChannelPlatforms.Mercari], connectors.All.Select(c => c.Platform).Order());
        Assert.IsType<EbayClient>(connectors.Find(ChannelPlatforms.Ebay));
        Assert.Null(connectors.Find(ChannelPlatforms.Amazon));
    }

    [Fact]
    public void AddZaikoJobs_FailsChannelValidation_WhenOnlySomeCredentialsAreConfigured()
    {
        using var services = Compose(("Channels:Ebay:ClientId", "id"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EbayOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains(nameof(EbayOptions.RefreshToken), StringComparison.Ordinal));
    }

    [Fact]
    public void AddZaikoJobs_FailsValidation_WhenTheMercariUserAgentIsNotNameSlashVersion()
    {
        using var services = Compose(("Channels:Mercari:AccessToken", "token"), ("Channels:Mercari:UserAgent", "Zaiko (inventory sync)"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MercariOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("Name/Version", StringComparison.Ordinal));
    }

    [Fact]
    public void AddZaikoJobs_PointsTheChannelAtTheSandbox_WhenItIsEnabled()
    {
        using var services = Compose(("Sandbox:Enabled", "true"), ("Sandbox:BaseUrl", "http://127.0.0.1:5090"), ("Channels:Mercari:AccessToken", "token"));

        var options = services.GetRequiredService<IOptions<MercariOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5090", options.ApiBaseUrl);
    }

    private static ServiceProvider Compose(params (string Key, string Value)[] settings) =>
        Build(settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    [Fact]
    public void AddZaikoJobs_HasNoAmazonConnector_WhenTheCredentialsAreMissing()
    {
        using var services = Build(new Dictionary<string, string?> { ["Sources:Amazon:ClientId"] = "only-the-id" });

        var connectors = services.GetRequiredService<ConnectorRegistry<ISourceConnector>>();

        Assert.Null(connectors.Find(AmazonPricingClient.Source));
        Assert.NotNull(connectors.Find(YahooClient.Source));
    }

    [Fact]
    public void AddZaikoJobs_RegistersTheAmazonConnector_WhenTheCredentialsAreConfigured()
    {
        using var services = Build(AmazonCredentials);

        var amazon = services.GetRequiredService<ConnectorRegistry<ISourceConnector>>().Find(AmazonPricingClient.Source);

        Assert.IsType<AmazonPricingClient>(amazon);
        Assert.Equal((20, 0.1), (amazon.BatchSize, amazon.RequestsPerSecond));
    }

    [Fact]
    public void AddZaikoJobs_RegistersOneLoginWithAmazonClient_ForTheAmazonSourceAndChannelTogether()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(AmazonCredentials)
        {
            ["Channels:Amazon:ClientId"] = "amzn1.application-oa2-client.test",
            ["Channels:Amazon:ClientSecret"] = "secret",
            ["Channels:Amazon:RefreshToken"] = "Atzr|test",
            ["Channels:Amazon:SellerId"] = "A1SELLER",
        }).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddZaikoData("Host=127.0.0.1;Database=unused").AddZaikoJobs(configuration);
        using var services = collection.BuildServiceProvider();

        var lwa = services.GetRequiredService<IHttpClientFactory>().CreateClient(LwaAccessTokens.Source);

        Assert.Single(collection, descriptor => descriptor.ServiceType == typeof(LwaAccessTokens));
        Assert.NotNull(lwa);
        Assert.NotNull(services.GetRequiredService<ConnectorRegistry<ISourceConnector>>().Find(AmazonPricingClient.Source));
        Assert.NotNull(services.GetRequiredService<ConnectorRegistry<IChannelConnector>>().Find(ChannelPlatforms.Amazon));
    }

    [Fact]
    public void AddZaikoJobs_PointsAmazonAtTheSandbox_WhenTheSandboxIsEnabled()
    {
        using var services = Build(new Dictionary<string, string?>(AmazonCredentials)
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:BaseUrl"] = "http://127.0.0.1:5090",
        });

        var options = services.GetRequiredService<IOptions<AmazonOptions>>().Value;

        Assert.Equal(("http://127.0.0.1:5090", "http://127.0.0.1:5090/auth/o2/token"), (options.SpApiBaseUrl, options.LwaTokenUrl));
    }

    [Fact]
    public void AddZaikoJobs_UsesTheDocumentedAmazonDefaults_WhenNothingIsConfigured()
    {
        using var services = Build(AmazonCredentials);

        var options = services.GetRequiredService<IOptions<AmazonOptions>>().Value;

        Assert.Equal(("https://sellingpartnerapi-fe.amazon.com", "https://api.amazon.com/auth/o2/token", "A1VC38T7YXB528"),
            (options.SpApiBaseUrl, options.LwaTokenUrl, options.MarketplaceId));
        Assert.Equal([(0.5, 1.0), (0.1, 1.0), (0.5, 1.0)],
            new[] { options.GetItemOffers, options.GetItemOffersBatch, options.GetCompetitivePricing }.Select(r => (r.RequestsPerSecond, r.Burst)));
    }

    [Fact]
    public void AddZaikoJobs_RefusesAnAmazonRateOutOfRange()
    {
        using var services = Build(new Dictionary<string, string?>(AmazonCredentials) { ["Sources:Amazon:GetItemOffersBatch:Burst"] = "0" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AmazonOptions>>().Value);

        Assert.Contains("RequestsPerSecond or Burst is out of range", refusal.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddZaikoData("Host=127.0.0.1;Database=unused")
            .AddZaikoJobs(configuration)
            .BuildServiceProvider();
    }

    [Theory]
    [InlineData("https://hooks.example.com")]
    [InlineData("hooks.example.com/zaiko")]
    [InlineData("hooks.example.com:8443")]
    public void AddZaikoJobs_RefusesAWebhookAllowedHost_ThatIsNotAHostName(string host)
    {
        using var services = Build(new() { ["Alerts:WebhookAllowedHosts:0"] = host });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertOptions>>().Value);

        Assert.Contains("WebhookAllowedHosts", ex.Message);
    }

    [Fact]
    public void AddZaikoJobs_ReadsTheSmtpPasswordFromConfiguration()
    {
        using var services = Build(new() { ["Alerts:Smtp:Password"] = "from-the-environment" });

        var options = services.GetRequiredService<IOptions<AlertOptions>>().Value;

        Assert.Equal(("from-the-environment", ".zaiko/mail"), (options.Smtp.Password, options.MailDirectory));
    }
}
