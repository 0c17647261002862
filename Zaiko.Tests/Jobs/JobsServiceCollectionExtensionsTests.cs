using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Sources.Yahoo;

namespace Zaiko.Tests.Jobs;

public sealed class JobsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddZaikoJobs_RegistersOneSharedYahooPageScraper()
    {
        using var services = new ServiceCollection().AddZaikoJobs().BuildServiceProvider();

        var first = services.GetRequiredService<YahooPageScraper>();

        Assert.Same(first, services.GetRequiredService<YahooPageScraper>());
    }

    [Fact]
    public void AddChannelConnectors_RegistersNoConnector_WhenNoCredentialsAreConfigured()
    {
        using var services = Compose();

        var connectors = services.GetRequiredService<ChannelConnectors>();

        Assert.Empty(connectors.All);
    }

    [Fact]
    public void AddChannelConnectors_RegistersOnlyTheChannelsWithCredentials()
    {
        using var services = Compose(
            ("Channels:Ebay:ClientId", "id"), ("Channels:Ebay:ClientSecret", "secret"), ("Channels:Ebay:RefreshToken", "refresh"),
            ("Channels:Mercari:AccessToken", "token"));

        var connectors = services.GetRequiredService<ChannelConnectors>();

        Assert.Equal([ChannelPlatforms.Ebay, ChannelPlatforms.Mercari], connectors.All.Select(c => c.Platform).Order());
        Assert.IsType<EbayClient>(connectors.Find(ChannelPlatforms.Ebay));
        Assert.Null(connectors.Find(ChannelPlatforms.Amazon));
    }

    [Fact]
    public void AddChannelConnectors_FailsValidation_WhenOnlySomeCredentialsAreConfigured()
    {
        using var services = Compose(("Channels:Ebay:ClientId", "id"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EbayOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains(nameof(EbayOptions.RefreshToken), StringComparison.Ordinal));
    }

    [Fact]
    public void AddChannelConnectors_FailsValidation_WhenTheMercariUserAgentIsNotNameSlashVersion()
    {
        using var services = Compose(("Channels:Mercari:AccessToken", "token"), ("Channels:Mercari:UserAgent", "Zaiko (inventory sync)"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MercariOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("Name/Version", StringComparison.Ordinal));
    }

    [Fact]
    public void AddChannelConnectors_PointsTheChannelAtTheSandbox_WhenItIsEnabled()
    {
        using var services = Compose(("Sandbox:Enabled", "true"), ("Sandbox:BaseUrl", "http://127.0.0.1:5090"), ("Channels:Mercari:AccessToken", "token"));

        var options = services.GetRequiredService<IOptions<MercariOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5090", options.ApiBaseUrl);
    }

    private static ServiceProvider Compose(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddZaikoData("Host=127.0.0.1;Database=unused")
            .AddZaikoJobs()
            .AddChannelConnectors(configuration)
            .BuildServiceProvider();
    }
}
