using Dapper;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Sources.Amazon;

/// <summary>The composed Amazon connector against the sandbox's SP-API: batching, mapping, operations and their limits.</summary>
public sealed class AmazonPricingClientTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string InStock = "B07PTMKYS7";
    private const string SoldOut = "B00V5DG6IQ";
    private const string Unknown = "B000000000";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutAmazonAsinAsync(new { asin = InStock, title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 3 });
        await Sandbox.PutAmazonAsinAsync(new { asin = SoldOut, title = "品切れ商品", lowestPrice = 2500, inStock = false, offerCount = 0 });
    }

    [Fact]
    public async Task CheckAsync_ReadsTheLowestNewLandedPriceAndStock_WhenTheAsinHasOffers()
    {
        var observations = await CheckAsync(InStock, SoldOut);

        var live = observations[0];
        Assert.Equal((SourceStatus.Live, 1980m, 1980m, "JPY", 1), (live.Status, live.Price, live.PriceIncludingTax, live.Currency, live.Quantity));
        Assert.Equal((SourceLayouts.Api, 200, InStock), (live.Layout, live.HttpStatus, live.SourceProductId));
    }

    [Fact]
    public async Task CheckAsync_ReportsLiveWithQuantityZero_WhenNoOfferIsBuyable()
    {
        var observations = await CheckAsync(InStock, SoldOut);

        Assert.Equal((SourceStatus.Live, 0, null), (observations[1].Status, observations[1].Quantity, observations[1].Price));
    }

    [Fact]
    public async Task CheckAsync_ReportsGone_WhenAmazonDoesNotKnowTheAsin()
    {
        var observations = await CheckAsync(InStock, Unknown);

        Assert.Equal((SourceStatus.Gone, 0, 400), (observations[1].Status, observations[1].Quantity, observations[1].HttpStatus));
        Assert.Contains("InvalidInput", observations[1].Error);
    }

    [Fact]
    public async Task CheckAsync_AsksForUpToTwentyAsinsPerBatchCall_WithTheAccessTokenHeader()
    {
        var asins = Enumerable.Range(0, 20).Select(i => $"B0TEST{i:D4}").ToArray();
        foreach (var asin in asins)
        {
            await Sandbox.PutAmazonAsinAsync(new { asin, title = "デモ", lowestPrice = 1000, inStock = true, offerCount = 1 });
        }

        var observations = await CheckAsync(asins);

        var call = Assert.Single(await RequestsAsync("amazon", "/batches/products/pricing/v0/itemOffers"));
        Assert.All(observations, observation => Assert.Equal(SourceStatus.Live, observation.Status));
        Assert.Equal(asins, observations.Select(o => o.SourceProductId));
        Assert.Equal("POST", call.GetProperty("method").GetString());
        Assert.StartsWith("Atza|", call.GetProperty("authorization").GetString());
        Assert.Contains("\"CustomerType\":\"Consumer\"", call.GetProperty("requestBody").GetString());
    }

    [Fact]
    public async Task CheckAsync_AsksGetItemOffers_ForASingleAsin()
    {
        var observations = await CheckAsync(InStock);

        var call = Assert.Single(await RequestsAsync("amazon", "/products/pricing/v0/items/"));
        Assert.Equal(SourceStatus.Live, Assert.Single(observations).Status);
        Assert.Equal($"/products/pricing/v0/items/{InStock}/offers", call.GetProperty("path").GetString());
        Assert.Contains("MarketplaceId=A1VC38T7YXB528", call.GetProperty("query").GetString());
        Assert.Empty(await RequestsAsync("amazon", "/batches/"));
    }

    [Fact]
    public async Task CheckAsync_SpendsTokensFromEachOperationsOwnBucket()
    {
        await CheckAsync(InStock);
        await CheckAsync(InStock, SoldOut);

        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var buckets = (await connection.QueryAsync<string>("SELECT bucket_key FROM rate_limit_buckets ORDER BY bucket_key")).ToArray();
        Assert.Equal(["auth:amazon-lwa", "source:amazon:getItemOffers", "source:amazon:getItemOffersBatch"], buckets);
    }

    [Fact]
    public async Task CheckAsync_ReportsTransientError429_AfterTheRetriesMeetQuotaExceeded()
    {
        var client = Services(new Dictionary<string, string?> { ["Sources:Amazon:Resilience:MaxRetries"] = "1" }).GetRequiredService<AmazonPricingClient>();
        await Sandbox.SetRateScaleAsync(1);
        await client.CheckAsync([InStock, SoldOut], CancellationToken.None);
        await Sandbox.ClearJournalAsync();

        var observations = await client.CheckAsync([InStock, SoldOut], CancellationToken.None);

        Assert.All(observations, observation => Assert.Equal((SourceStatus.TransientError, 429, null), (observation.Status, observation.HttpStatus, observation.Quantity)));
        Assert.Contains("QuotaExceeded", observations[0].Error);
        Assert.Equal([429, 429], (await RequestsAsync("amazon", "/batches/")).Select(r => r.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task CheckAsync_ReportsLayoutChanged_WhenTheAnswerIsCutOff()
    {
        var services = Services();
        await services.GetRequiredService<LwaAccessTokens>().GetAsync(services.GetRequiredService<IOptions<AmazonOptions>>().Value.Credentials(), CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "amazon", malformedRate = 1.0 });

        var observations = await services.GetRequiredService<AmazonPricingClient>().CheckAsync([InStock, SoldOut], CancellationToken.None);

        Assert.All(observations, observation => Assert.Equal((SourceStatus.LayoutChanged, null), (observation.Status, observation.Quantity)));
        Assert.StartsWith("unexpected response shape", observations[0].Error);
    }

    [Fact]
    public async Task CheckAsync_ReportsTransientErrorWithoutThrowing_WhenSpApiDoesNotAnswerInTime()
    {
        var services = Services(new Dictionary<string, string?>
        {
            ["Sources:Amazon:Resilience:MaxRetries"] = "0",
            ["Sources:Amazon:Resilience:AttemptTimeoutSeconds"] = "1",
        });
        await services.GetRequiredService<LwaAccessTokens>().GetAsync(services.GetRequiredService<IOptions<AmazonOptions>>().Value.Credentials(), CancellationToken.None);
        await Sandbox.SetFaultsAsync(new { target = "amazon", hangRate = 1.0 });

        var observations = await services.GetRequiredService<AmazonPricingClient>().CheckAsync([InStock, SoldOut], CancellationToken.None);

        Assert.All(observations, observation => Assert.Equal((SourceStatus.TransientError, 0, null, "timed out"),
            (observation.Status, observation.HttpStatus, observation.Quantity, observation.Error)));
    }

    [Fact]
    public async Task CheckAsync_ReportsBlockedWithoutSending_WhenAnIdIsNotAnAsin()
    {
        var observations = await CheckAsync("../../etc", InStock);

        Assert.Equal((SourceStatus.Blocked, 0), (observations[0].Status, observations[0].HttpStatus));
        Assert.Contains("is not an ASIN", observations[0].Error);
        Assert.Equal(SourceStatus.Live, observations[1].Status);
        Assert.Single(await RequestsAsync("amazon", "/products/"));
    }

    private Task<IReadOnlyList<SourceObservation>> CheckAsync(params string[] asins) =>
        Services().GetRequiredService<AmazonPricingClient>().CheckAsync(asins, CancellationToken.None);
}
