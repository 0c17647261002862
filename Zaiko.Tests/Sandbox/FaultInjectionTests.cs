using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class FaultInjectionTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Sandbox.PutYahooItemAsync(new { auctionId = "o1202015332", title = "デモ", price = 1000 });
    }

    [Fact]
    public async Task Faults_ApplyOnlyToTheirTarget()
    {
        await Sandbox.SetFaultsAsync(new { target = "ebay", errorRate = 1.0, errorStatus = 503 });

        using var page = await Client.GetAsync("jp/auction/o1202015332");
        using var ebay = await EbayTokenAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ebay.StatusCode);
        Assert.Equal(25001, (await JsonAsync(ebay)).GetProperty("errors")[0].GetProperty("errorId").GetInt32());
    }

    [Fact]
    public async Task Throttle_Returns429InTheMarketplacesShape()
    {
        await Sandbox.SetFaultsAsync(new { target = "amazon", throttleRate = 1.0 });

        using var response = await LwaTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("QuotaExceeded", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Malformed_ReturnsATruncatedBody()
    {
        await Sandbox.SetFaultsAsync(new { target = "yahoo", malformedRate = 1.0 });

        using var response = await Client.GetAsync("jp/auction/o1202015332");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("</html>", html);
    }

    [Fact]
    public async Task BotWall_ServesACaptchaInsteadOfTheItem()
    {
        await Sandbox.SetFaultsAsync(new { target = "yahoo", botWallRate = 1.0 });

        using var response = await Client.GetAsync("jp/auction/o1202015332");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("captcha", html);
        Assert.Null(YahooPageParts.NextData(html));
    }

    [Fact]
    public async Task Latency_DelaysTheAnswer()
    {
        await Sandbox.SetFaultsAsync(new { target = "yahoo", latencyMs = new { p50 = 300, p95 = 300 } });
        var watch = Stopwatch.StartNew();

        using var response = await Client.GetAsync("jp/auction/o1202015332");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Hang_NeverAnswers_UntilTheClientGivesUp()
    {
        await Sandbox.SetFaultsAsync(new { target = "fx", hangRate = 1.0 });
        using var client = new HttpClient { BaseAddress = Sandbox.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };

        var call = client.GetAsync("stats/eurofxref/eurofxref-daily.xml");

        await Assert.ThrowsAsync<TaskCanceledException>(() => call);
    }

    [Fact]
    public async Task ErrorRate_FailsAboutThatShareOfRequests()
    {
        await Sandbox.SetFaultsAsync(new { target = "yahoo", errorRate = 0.5 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await Client.GetAsync("jp/auction/o1202015332");
            statuses.Add(response.StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable), 60, 140);
    }

    [Fact]
    public async Task Faults_StopApplying_WhenCleared()
    {
        await Sandbox.SetFaultsAsync(new { target = "all", errorRate = 1.0 });

        await Sandbox.ClearFaultsAsync();
        using var response = await Client.GetAsync("jp/auction/o1202015332");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Faults_AreRecordedInTheJournal()
    {
        await Sandbox.SetFaultsAsync(new { target = "yahoo", throttleRate = 1.0 });

        await Client.GetAsync("jp/auction/o1202015332");

        var entry = Assert.Single(await Sandbox.JournalAsync("yahoo"));
        Assert.Equal("throttle", entry.GetProperty("fault").GetString());
        Assert.Equal(429, entry.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PutFaults_Returns400_WhenRatesAddUpToMoreThanOne()
    {
        using var response = await Client.PutAsJsonAsync("_sandbox/faults", new { target = "yahoo", errorRate = 0.7, throttleRate = 0.7 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
