using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

/// <summary>Base of tests against the sandbox process: a reset before each test, and the demo credentials.</summary>
[Collection(SandboxCollection.Name)]
[Trait("Category", "Integration")]
public abstract class SandboxTest(SandboxProcess sandbox) : IAsyncLifetime
{
    public const string LwaClientId = "amzn1.application-oa2-client.zaikosandbox0000000000000000";
    public const string LwaClientSecret = "amzn1.oa2-cs.v1.zaiko-sandbox-demo-secret";
    public const string LwaRefreshToken = "Atzr|IwEBIZaikoSandboxDemoRefreshToken";
    public const string SellerId = "A1ZAIKOSANDBOX";
    public const string MarketplaceId = "A1VC38T7YXB528";
    public const string EbayClientId = "ZaikoSan-Sandbox-PRD-0a1b2c3d4-5e6f7a8b";
    public const string EbayClientSecret = "PRD-0a1b2c3d4e5f-zaiko-sandbox-demo";
    public const string EbayRefreshToken = "v^1.1#i^1#r^1#f^0#I^3#p^3#t^ZaikoSandboxDemoRefreshToken";
    public const string MercariToken = "zaiko-sandbox-mercari-demo-token";

    protected SandboxProcess Sandbox { get; } = sandbox;

    protected HttpClient Client => Sandbox.Client;

    public virtual Task InitializeAsync() => Sandbox.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    protected Task<HttpResponseMessage> LwaTokenAsync(string refreshToken = LwaRefreshToken, string clientSecret = LwaClientSecret) =>
        Client.PostAsync("auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = LwaClientId,
            ["client_secret"] = clientSecret,
        }));

    protected async Task<string> AmazonAccessTokenAsync()
    {
        using var response = await LwaTokenAsync();
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>An SP-API request with the access token header, as a connector sends it (property names as written: SP-API mixes cases).</summary>
    protected async Task<HttpResponseMessage> SpApiAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: new JsonSerializerOptions()) };
        request.Headers.Add("x-amz-access-token", token ?? await AmazonAccessTokenAsync());
        return await Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> EbayTokenAsync(string refreshToken = EbayRefreshToken, string clientSecret = EbayClientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "identity/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["scope"] = "https://api.ebay.com/oauth/api_scope/sell.inventory",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EbayClientId}:{clientSecret}")));
        return Client.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> EbayAsync(HttpMethod method, string path, object? body = null)
    {
        using var tokenResponse = await EbayTokenAsync();
        var token = (await JsonAsync(tokenResponse)).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> MercariAsync(string query, object? variables = null, string token = MercariToken, string userAgent = "ZaikoTests/1.0.0")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await Client.SendAsync(request);
    }
}
