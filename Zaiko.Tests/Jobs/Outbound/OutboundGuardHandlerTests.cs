using System.Net;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Tests.Jobs.Outbound;

public sealed class OutboundGuardHandlerTests
{
    private static readonly OutboundPolicy YahooPolicy = new("yahoo",
        ["auctions.yahoo.co.jp", "page.auctions.yahoo.co.jp", "page*.auctions.yahoo.co.jp"], ["text/html"]);

    [Theory]
    [InlineData("http://127.0.0.1:5432/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://10.1.2.3/jp/auction/o1")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://evil.example.com/jp/auction/o1")]
    [InlineData("http://auctions.yahoo.co.jp/jp/auction/o1")]
    public async Task SendAsync_RefusesTheRequest_WhenTheDestinationIsNotAllowed(string url)
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);

        await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync(url));

        Assert.Empty(inner.Requests);
    }

    [Theory]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page12.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    public async Task SendAsync_SendsWithTheConfiguredUserAgent_WhenTheHostIsAllowed(string url)
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ZaikoTest/1.0", Assert.Single(inner.Requests).Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task SendAsync_AllowsPlainHttpToTheSandboxOrigin_OnlyWhenTheSandboxIsEnabled()
    {
        var (enabled, _) = CreateClient(YahooPolicy, sandboxEnabled: true);
        var (disabled, _) = CreateClient(YahooPolicy, sandboxEnabled: false);

        using var response = await enabled.GetAsync("http://127.0.0.1:5090/jp/auction/o1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => disabled.GetAsync("http://127.0.0.1:5090/jp/auction/o1"));
    }

    [Fact]
    public async Task SendAsync_RefusesAnotherLoopbackPort_EvenWithTheSandboxEnabled()
    {
        var (client, _) = CreateClient(YahooPolicy, sandboxEnabled: true);

        await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync("http://127.0.0.1:5432/"));
    }

    [Fact]
    public async Task SendAsync_RefusesARedirectToAnotherHost()
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);
        inner.Respond = request => request.RequestUri!.AbsolutePath == "/jp/auction/o1"
            ? Redirect("https://evil.example.com/steal")
            : Html("<html></html>");

        var ex = await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync("https://auctions.yahoo.co.jp/jp/auction/o1"));

        Assert.Contains("another host", ex.Message);
        Assert.Single(inner.Requests);
    }

    [Fact]
    public async Task SendAsync_FollowsARedirectOnTheSameHost()
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);
        inner.Respond = request => request.RequestUri!.AbsolutePath == "/old"
            ? Redirect("/jp/auction/o1")
            : Html("<html>item</html>");

        using var response = await client.GetAsync("https://auctions.yahoo.co.jp/old");

        Assert.Equal("<html>item</html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/old", "/jp/auction/o1"], inner.Requests.Select(r => r.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task SendAsync_RefusesAResponseOverTheSizeCap_WhenItDeclaresItsLength()
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false, maxBytes: 2048);
        inner.Respond = _ => Html(new string('x', 4096));

        var ex = await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync("https://auctions.yahoo.co.jp/jp/auction/o1"));

        Assert.Contains("2048-byte limit", ex.Message);
    }

    [Fact]
    public async Task SendAsync_RefusesAResponseOverTheSizeCap_WhenItsLengthIsUnknown()
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false, maxBytes: 2048);
        inner.Respond = _ =>
        {
            var content = new StreamContent(new MemoryStream(new byte[8192]));
            content.Headers.ContentType = new("text/html");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

        await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync("https://auctions.yahoo.co.jp/jp/auction/o1"));
    }

    [Fact]
    public async Task SendAsync_RefusesAnUnexpectedContentType_OnSuccess()
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);
        inner.Respond = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

        var ex = await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync("https://auctions.yahoo.co.jp/jp/auction/o1"));

        Assert.Contains("unexpected content type application/json", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent)]
    [InlineData(HttpStatusCode.OK)]
    public async Task SendAsync_AcceptsAnEmptyAnswer_WithoutAContentType(HttpStatusCode status)
    {
        var (client, inner) = CreateClient(YahooPolicy, sandboxEnabled: false);
        inner.Respond = _ => new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };

        using var response = await client.PostAsync("https://auctions.yahoo.co.jp/hook", new StringContent("{}"));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task GuardedSocketsHandler_RefusesAHostThatResolvesToLoopback()
    {
        var policy = new OutboundPolicy("test", ["localhost"], []);
        var sandbox = new SandboxOptions { Enabled = false };
        var guard = new OutboundGuardHandler(policy, Options.Create(new OutboundOptions()), Options.Create(sandbox))
        {
            InnerHandler = GuardedSocketsHandler.Create(sandbox),
        };
        using var client = new HttpClient(guard);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("https://localhost:9/"));

        Assert.IsType<OutboundRequestRejectedException>(ex is HttpRequestException { InnerException: { } inner } ? inner : ex);
    }

    private static (HttpClient Client, RecordingHandler Inner) CreateClient(OutboundPolicy policy, bool sandboxEnabled, int maxBytes = 5 * 1024 * 1024)
    {
        var inner = new RecordingHandler();
        var guard = new OutboundGuardHandler(policy,
            Options.Create(new OutboundOptions { UserAgent = "ZaikoTest/1.0", MaxResponseBytes = maxBytes }),
            Options.Create(new SandboxOptions { Enabled = sandboxEnabled, BaseUrl = "http://127.0.0.1:5090" }))
        {
            InnerHandler = inner,
        };
        return (new HttpClient(guard), inner);
    }

    private static HttpResponseMessage Html(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => Html("<html></html>");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(Respond(request));
        }
    }
}
