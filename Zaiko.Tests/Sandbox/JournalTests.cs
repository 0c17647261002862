using System.Net.Http.Json;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class JournalTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    [Fact]
    public async Task Journal_RecordsWhatAConnectorSent()
    {
        await Sandbox.PutMercariProductAsync(new { id = "demoProduct", name = "デモ", price = 1000, stock = 1 });

        using var response = await MercariAsync("mutation { updateProduct(input: { id: \"demoProduct\", price: 1200 }) { product { price } } }");

        var entry = Assert.Single(await Sandbox.JournalAsync("mercari"));
        Assert.Equal("POST", entry.GetProperty("method").GetString());
        Assert.Equal("/v1/graphql", entry.GetProperty("path").GetString());
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Contains("price: 1200", entry.GetProperty("requestBody").GetString());
        Assert.Equal("ZaikoTests/1.0.0", entry.GetProperty("userAgent").GetString());
    }

    [Fact]
    public async Task Journal_RecordsQueryAndStatus_OfAnItemPage()
    {
        await Client.GetAsync("jp/auction/x1234567890?ref=test");

        var entry = Assert.Single(await Sandbox.JournalAsync("yahoo"));

        Assert.Equal("?ref=test", entry.GetProperty("query").GetString());
        Assert.Equal(404, entry.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Journal_FiltersByTargetAndSequence()
    {
        await Client.GetAsync("jp/auction/x1234567890");
        await Client.GetAsync("stats/eurofxref/eurofxref-daily.xml");
        var first = (await Sandbox.JournalAsync())[0].GetProperty("seq").GetInt64();
        await Client.GetAsync("jp/auction/x1234567891");

        var later = await Sandbox.JournalAsync("yahoo", since: first.ToString());

        var entry = Assert.Single(later);
        Assert.Equal("/jp/auction/x1234567891", entry.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Journal_LeavesOutControlRequests()
    {
        await Sandbox.SeedAsync(yahoo: 2);

        var journal = await Sandbox.JournalAsync();

        Assert.Empty(journal);
    }

    [Fact]
    public async Task Journal_IsEmpty_AfterDelete()
    {
        await Client.GetAsync("jp/auction/x1234567890");

        await Sandbox.ClearJournalAsync();

        Assert.Empty(await Sandbox.JournalAsync());
    }
}
