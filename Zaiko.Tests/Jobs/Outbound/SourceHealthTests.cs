using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Outbound;

/// <summary>What the health page reads per source, fed by the Amazon connector's pipeline.</summary>
public sealed class SourceHealthTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string Asin = "B07PTMKYS7";

    [Fact]
    public async Task Snapshot_ShowsAFailingAmazonCall_WithItsErrorAndCounts()
    {
        await Sandbox.PutAmazonAsinAsync(new { asin = Asin, title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });
        var services = Services(new Dictionary<string, string?> { ["Sources:Amazon:Resilience:MaxRetries"] = "0" });
        var client = services.GetRequiredService<AmazonPricingClient>();
        await client.CheckAsync([Asin], CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "amazon", errorRate = 1.0, errorStatus = 503 });

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        var amazon = services.GetRequiredService<SourceHealthRegistry>().Snapshot().Single(s => s.Source == AmazonPricingClient.Source);
        Assert.Equal((SourceStatus.TransientError, 503), (observation.Status, observation.HttpStatus));
        Assert.Equal((2L, 1L), (amazon.RequestsLastHour, amazon.FailuresLastHour));
        Assert.Equal("HTTP 503 from 127.0.0.1", amazon.LastError);
        Assert.Equal(SourceHealthRegistry.Closed, amazon.CircuitState);
        Assert.NotNull(amazon.P95LatencyMs);
    }

    [Fact]
    public async Task Snapshot_ShowsLoginWithAmazonApartFromSpApi()
    {
        await Sandbox.PutAmazonAsinAsync(new { asin = Asin, title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });
        var services = Services();

        await services.GetRequiredService<AmazonPricingClient>().CheckAsync([Asin], CancellationToken.None);

        var sources = services.GetRequiredService<SourceHealthRegistry>().Snapshot().Select(s => (s.Source, s.RequestsLastHour, s.FailuresLastHour));
        Assert.Equal([(AmazonPricingClient.Source, 1L, 0L), (LwaAccessTokens.Source, 1L, 0L)], sources);
    }
}
