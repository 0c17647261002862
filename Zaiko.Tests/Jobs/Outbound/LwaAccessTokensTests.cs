using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Zaiko.Data;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Jobs.Outbound;

/// <summary>
/// Login with Amazon tokens as the Amazon connectors use them: one per identity, cached, renewed before expiry and when
/// refused, shared by the source and the channel. The sandbox's LWA knows one identity only, so the tests with two
/// identities answer token requests from a stub.
/// </summary>
public sealed class LwaAccessTokensTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string Asin = "B07PTMKYS7";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private static readonly Uri TokenUrl = new("https://api.amazon.com/auth/o2/token");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PutAsinAsync();
    }

    [Fact]
    public async Task GetAsync_AsksLwaOnce_ForEveryCallOfTheProcess()
    {
        var services = Services();
        var tokens = services.GetRequiredService<LwaAccessTokens>();
        var client = services.GetRequiredService<AmazonPricingClient>();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetAsync(SourceCredentials(services), CancellationToken.None)));
        for (var i = 0; i < 3; i++)
        {
            await client.CheckAsync([Asin], CancellationToken.None);
        }

        Assert.Single(await RequestsAsync("amazon", "/auth/o2/token"));
        Assert.Single(concurrent.Distinct());
        Assert.All(await RequestsAsync("amazon", "/products/"), call => Assert.Equal(concurrent[0], call.GetProperty("authorization").GetString()));
    }

    [Fact]
    public async Task GetAsync_SendsOneRequest_WhenManyCallersNeedATokenAtOnce()
    {
        var lwa = new StubLwa { Hold = new TaskCompletionSource() };
        var tokens = Tokens(lwa);

        var callers = Enumerable.Range(0, 20).Select(_ => tokens.GetAsync(Identity("app-1", "Atzr|seller-1"), CancellationToken.None)).ToList();
        await lwa.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lwa.Hold.SetResult();
        var received = await Task.WhenAll(callers);

        Assert.Single(lwa.Requests);
        Assert.All(received, token => Assert.Equal("token-1", token));
    }

    [Fact]
    public async Task GetAsync_KeepsOneTokenPerIdentity_WhenTwoSellersAuthorisedTheApp()
    {
        var lwa = new StubLwa();
        var tokens = Tokens(lwa);
        var first = Identity("app-1", "Atzr|seller-1");
        var second = Identity("app-1", "Atzr|seller-2");

        var firstToken = await tokens.GetAsync(first, CancellationToken.None);
        var secondToken = await tokens.GetAsync(second, CancellationToken.None);
        var again = (await tokens.GetAsync(first, CancellationToken.None), await tokens.GetAsync(second, CancellationToken.None));

        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal((firstToken, secondToken), again);
        Assert.Equal([("app-1", "Atzr|seller-1"), ("app-1", "Atzr|seller-2")], lwa.Requests);
    }

    [Fact]
    public async Task GetAsync_KeepsOneTokenPerIdentity_WhenTwoAppsHoldTheSameRefreshToken()
    {
        var lwa = new StubLwa();
        var tokens = Tokens(lwa);

        var first = await tokens.GetAsync(Identity("app-1", "Atzr|seller-1"), CancellationToken.None);
        var second = await tokens.GetAsync(Identity("app-2", "Atzr|seller-1"), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal([("app-1", "Atzr|seller-1"), ("app-2", "Atzr|seller-1")], lwa.Requests);
    }

    [Fact]
    public async Task Invalidate_DropsOnlyTheRefusedIdentitysToken()
    {
        var lwa = new StubLwa();
        var tokens = Tokens(lwa);
        var first = Identity("app-1", "Atzr|seller-1");
        var second = Identity("app-1", "Atzr|seller-2");
        var refused = await tokens.GetAsync(first, CancellationToken.None);
        var kept = await tokens.GetAsync(second, CancellationToken.None);

        tokens.Invalidate(first, refused);

        Assert.NotEqual(refused, await tokens.GetAsync(first, CancellationToken.None));
        Assert.Equal(kept, await tokens.GetAsync(second, CancellationToken.None));
        Assert.Equal(3, lwa.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_SharesOneToken_BetweenTheSourceAndTheChannelOfOneIdentity()
    {
        await Sandbox.PutAmazonListingAsync(new { sku = "AMZ-1", asin = "B0ZAIKO001", title = "デモ商品", price = 3980m, currency = "JPY", quantity = 2 });
        var services = Services(new Dictionary<string, string?>
        {
            ["Channels:Amazon:ClientId"] = SandboxTest.LwaClientId,
            ["Channels:Amazon:ClientSecret"] = SandboxTest.LwaClientSecret,
            ["Channels:Amazon:RefreshToken"] = SandboxTest.LwaRefreshToken,
            ["Channels:Amazon:SellerId"] = SandboxTest.SellerId,
        });
        var source = services.GetRequiredService<ConnectorRegistry<ISourceConnector>>().Find(SourcePlatforms.Amazon)!;
        var channel = services.GetRequiredService<ConnectorRegistry<IChannelConnector>>().Find(ChannelPlatforms.Amazon)!;

        var observation = Assert.Single(await source.CheckAsync([Asin], CancellationToken.None));
        var pushed = Assert.Single(await channel.PushAsync([new ChannelUpdate(new ChannelListingRef(1, AmazonSellerSku: "AMZ-1"), 3, null, "JPY")],
            CancellationToken.None));

        var spApi = (await RequestsAsync("amazon", "/products/")).Concat(await RequestsAsync("amazon", "/listings/")).ToList();
        Assert.Equal(SourceStatus.Live, observation.Status);
        Assert.True(pushed.Succeeded, pushed.Error);
        Assert.Single(await RequestsAsync("amazon", "/auth/o2/token"));
        Assert.Equal(2, spApi.Count);
        Assert.Single(spApi.Select(call => call.GetProperty("authorization").GetString()).Distinct());
    }

    [Fact]
    public async Task GetAsync_KeepsTheToken_UntilAMinuteBeforeItExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = Services(clock: clock).GetRequiredService<AmazonPricingClient>();
        await client.CheckAsync([Asin], CancellationToken.None);
        clock.Advance(TokenLifetime - AccessTokenCache.RefreshMargin - TimeSpan.FromSeconds(1));

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
        clock.Advance(TokenLifetime - AccessTokenCache.RefreshMargin);

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

    [Fact]
    public async Task CheckAsync_ReportsBlockedNamingTheAppSettings_WhenLwaRefusesTheClient()
    {
        var client = Services(new Dictionary<string, string?> { ["Sources:Amazon:ClientSecret"] = "amzn1.oa2-cs.v1.wrong" }).GetRequiredService<AmazonPricingClient>();

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        Assert.Equal((SourceStatus.Blocked, 401), (observation.Status, observation.HttpStatus));
        Assert.Equal("Login with Amazon refused the credentials: invalid_client (Client authentication failed); check Sources:Amazon:ClientId and ClientSecret",
            observation.Error);
    }

    [Fact]
    public async Task CheckAsync_ReportsTransientError_WhenLwaIsDown()
    {
        await Sandbox.SetFaultsAsync(new { target = "amazon", errorRate = 1.0, errorStatus = 503 });
        var client = Services().GetRequiredService<AmazonPricingClient>();

        var observation = Assert.Single(await client.CheckAsync([Asin], CancellationToken.None));

        Assert.Equal((SourceStatus.TransientError, 503, null), (observation.Status, observation.HttpStatus, observation.Quantity));
        Assert.Equal("Login with Amazon failed: HTTP 503; retry later", observation.Error);
        Assert.Empty(await RequestsAsync("amazon", "/products/"));
    }

    private static LwaCredentials SourceCredentials(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AmazonOptions>>().Value.Credentials();

    private static LwaCredentials Identity(string clientId, string refreshToken) => new(clientId, "secret-of-" + clientId, refreshToken, TokenUrl);

    private static LwaAccessTokens Tokens(StubLwa lwa) =>
        new(Mock.Of<IHttpClientFactory>(factory => factory.CreateClient(LwaAccessTokens.Source) == new HttpClient(lwa)),
            TimeProvider.System, NullLogger<LwaAccessTokens>.Instance);

    private Task PutAsinAsync() => Sandbox.PutAmazonAsinAsync(new { asin = Asin, title = "デモ商品", lowestPrice = 1980, inStock = true, offerCount = 2 });

    private static string Describe(JsonElement call)
    {
        var path = call.GetProperty("path").GetString()!;
        return $"{(path.StartsWith("/products/", StringComparison.Ordinal) ? "/products/" : path)} {call.GetProperty("status").GetInt32()}";
    }

    /// <summary>LWA for any identity: a new token per request, numbered, after <see cref="Hold"/> when set.</summary>
    private sealed class StubLwa : HttpMessageHandler
    {
        private readonly ConcurrentQueue<(string ClientId, string RefreshToken)> requests = new();

        public TaskCompletionSource? Hold { get; init; }

        public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<(string ClientId, string RefreshToken)> Requests => requests.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')), StringComparer.Ordinal);
            requests.Enqueue((form["client_id"], form["refresh_token"]));
            FirstRequest.TrySetResult();
            if (Hold is not null)
            {
                await Hold.Task;
            }

            var body = JsonSerializer.Serialize(new { access_token = $"token-{requests.Count}", token_type = "bearer", expires_in = 3600 });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
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
