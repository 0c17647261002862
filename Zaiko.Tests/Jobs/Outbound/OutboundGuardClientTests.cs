using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Outbound;

/// <summary>The SSRF guard as the registered Yahoo! client applies it, sandbox enabled (so loopback is otherwise reachable).</summary>
public sealed class OutboundGuardClientTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    [Theory]
    [InlineData("http://127.0.0.1:5432/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://10.0.0.7/jp/auction/t1000000003")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://evil.example.com/jp/auction/t1000000003")]
    public async Task GetAsync_RefusesTheDestination_ThroughTheRegisteredClient(string url)
    {
        using var client = Services().GetRequiredService<IHttpClientFactory>().CreateClient(YahooClient.Source);

        var refusal = await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => client.GetAsync(url));

        Assert.StartsWith("yahoo:", refusal.Message);
        Assert.Empty(await Sandbox.JournalAsync());
    }

    [Fact]
    public async Task GetAsync_SendsToTheSandboxOrigin_ThroughTheRegisteredClient()
    {
        using var client = Services().GetRequiredService<IHttpClientFactory>().CreateClient(YahooClient.Source);

        using var response = await client.GetAsync(new Uri(Sandbox.BaseAddress, "jp/auction/t1000000003"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_ReportsBlocked_WhenThePageRedirectsToAnotherHost()
    {
        var (origin, url) = await RedirectingOriginAsync("https://evil.example.com/steal");
        await using var running = origin;
        var services = Services(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = url });

        var observation = await services.GetRequiredService<YahooClient>().FetchAsync("t1000000003", CancellationToken.None);

        Assert.Equal(SourceStatus.Blocked, observation.Status);
        Assert.Contains("redirect from 127.0.0.1 to another host (evil.example.com) refused", observation.Error);
    }

    /// <summary>A stand-in origin (configured as the sandbox) whose item pages redirect elsewhere.</summary>
    private static async Task<(WebApplication App, string Url)> RedirectingOriginAsync(string location)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/jp/auction/{id}", () => Results.Redirect(location));
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }
}
