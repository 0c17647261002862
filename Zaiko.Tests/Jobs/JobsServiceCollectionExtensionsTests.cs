using Zaiko.Jobs;
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
}
