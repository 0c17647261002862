using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Zaiko.Jobs;
using Zaiko.Jobs.Alerts;
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

    [Theory]
    [InlineData("https://hooks.example.com")]
    [InlineData("hooks.example.com/zaiko")]
    [InlineData("hooks.example.com:8443")]
    public void AddZaikoJobs_RefusesAWebhookAllowedHost_ThatIsNotAHostName(string host)
    {
        using var services = WithConfiguration(new() { ["Alerts:WebhookAllowedHosts:0"] = host });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertOptions>>().Value);

        Assert.Contains("WebhookAllowedHosts", ex.Message);
    }

    [Fact]
    public void AddZaikoJobs_ReadsTheSmtpPasswordFromConfiguration()
    {
        using var services = WithConfiguration(new() { ["Alerts:Smtp:Password"] = "from-the-environment" });

        var options = services.GetRequiredService<IOptions<AlertOptions>>().Value;

        Assert.Equal(("from-the-environment", ".zaiko/mail"), (options.Smtp.Password, options.MailDirectory));
    }

    private static ServiceProvider WithConfiguration(Dictionary<string, string?> values)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return collection.AddZaikoJobs().BuildServiceProvider();
    }
}
