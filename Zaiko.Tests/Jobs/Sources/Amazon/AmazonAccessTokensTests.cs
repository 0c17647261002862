using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Sources.Amazon;

/// <summary>Login with Amazon tokens as the connector uses them: cached, renewed before expiry and when refused.</summary>
public sealed class AmazonAccessTokensTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string Asin = "B07PTMKYS7";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PutAsinAsync();
    }

    [Fact]
    public async Task GetAsync_AsksLwaOnce_ForEveryCallOfTheProcess()
    {
        var services = Services();
        var tokens = services.GetRequiredService<AmazonAccessTokens>();
        var client = services.GetRequiredService<AmazonPricingClient>();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetAsync(CancellationToken.None)));
        for (var i = 0; i < 3; i++)
        {
            await client.CheckAsync([Asin], CancellationToken.None);
        }

        Assert.Single(await RequestsAsync("amazon", "/auth/o2/token"));
        Assert.Single(concurrent.Distinct());
        Assert.All(await RequestsAsync("amazon", "/products/"), call => Assert.Equal(concurrent[0], call.GetProperty("authorization").GetString()));
    }

    [Fact]
    public async Task GetAsync_KeepsTheToken_UntilAMinuteBeforeItExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = Services(clock: clock).GetRequiredService<AmazonPricingClient>();
        await client.CheckAsync([Asin], CancellationToken.None);
        clock.Advance(TokenLifetime - AmazonAccessTokens.RenewBeforeExpiry - TimeSpan.FromSeconds(1));

        await client.CheckAsync([Asin], CancellationToken.None);

        Assert.Single(await RequestsAsync("amazon", "/auth/o2/token"));
    }

    [Fact]
    public async Task CheckAsync_RenewsTheToken_WhenItIsAboutToExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = Services(clock: clock).GetRequiredService<AmazonPricingClient>();
        await client.CheckAsync([Asin], CancellationToken.None);
        await Sandbox.AdvanceClockAsync(TokenLifetime);
        clock.Advance(TokenLifetime - AmazonAccessTokens.RenewBeforeExpiry);

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        var calls = await RequestsAsync("amazon", "/products/");
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Equal(2, (await RequestsAsync("amazon", "/auth/o2/token")).Count);
        Assert.Equal([200, 200], calls.Select(call => call.GetProperty("status").GetInt32()));
        Assert.NotEqual(calls[0].GetProperty("authorization").GetString(), calls[1].GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task CheckAsync_RenewsTheTokenOnceAndRetries_WhenSpApiRefusesIt()
    {
        var client = Services().GetRequiredService<AmazonPricingClient>();
        await client.CheckAsync([Asin], CancellationToken.None);
        await Sandbox.ResetAsync();
        await PutAsinAsync();

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        var journal = await Sandbox.JournalAsync("amazon");
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Equal(["/products/ 403", "/auth/o2/token 200", "/products/ 200"], journal.Select(Describe));
    }

    [Fact]
    public async Task CheckAsync_RenewsTheTokenOnceAndRetries_WhenSpApiAnswers401()
    {
        var spApi = new RefusingOnceHandler();
        var client = Services(configure: services => services.AddHttpClient(AmazonPricingClient.Source).ConfigurePrimaryHttpMessageHandler(() => spApi))
            .GetRequiredService<AmazonPricingClient>();

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.Equal(2, (await RequestsAsync("amazon", "/auth/o2/token")).Count);
        Assert.Equal(2, spApi.Tokens.Count);
        Assert.NotEqual(spApi.Tokens[0], spApi.Tokens[1]);
    }

    [Fact]
    public async Task CheckAsync_ReportsBlockedNamingInvalidGrant_WhenTheRefreshTokenIsWrong()
    {
        var client = Services(new Dictionary<string, string?> { ["Sources:Amazon:RefreshToken"] = "Atzr|IwEBIrevoked" }).GetRequiredService<AmazonPricingClient>();

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        Assert.Equal((SourceStatus.Blocked, 400, null), (observation.Status, observation.HttpStatus, observation.Quantity));
        Assert.Contains("invalid_grant", observation.Error);
        Assert.Contains("Sources:Amazon:RefreshToken", observation.Error);
        Assert.Empty(await RequestsAsync("amazon", "/products/"));
    }

    private Task PutAsinAsync() => Sandbox.PutAmazonAsinAsync(new { asin = Asin, title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });

    private static string Describe(System.Text.Json.JsonElement call)
    {
        var path = call.GetProperty("path").GetString()!;
        return $"{(path.StartsWith("/products/", StringComparison.Ordinal) ? "/products/" : path)} {call.GetProperty("status").GetInt32()}";
    }

    /// <summary>Answers the first SP-API request with 401 as an expired token would get, then passes requests on to the sandbox.</summary>
    private sealed class RefusingOnceHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<string> Tokens { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Tokens.Add(request.Headers.GetValues("x-amz-access-token").Single());
            return Tokens.Count == 1
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
                {
                    Content = new StringContent("""{"errors":[{"code":"Unauthorized","message":"The access token you provided has expired."}]}""", Encoding.UTF8, "application/json"),
                })
                : base.SendAsync(request, cancellationToken);
        }
    }
}
