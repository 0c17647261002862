using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class YahooPageTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private static readonly DateTimeOffset EndTime = new(2030, 10, 2, 12, 39, 11, TimeSpan.Zero);

    private Task PutItemAsync(string auctionId = "o1202015332", string status = "open", long? buyNowPrice = null, int quantity = 1,
        string layout = "next", bool botWall = false, bool closedAs404 = false) =>
        Sandbox.PutYahooItemAsync(new
        {
            auctionId,
            title = "古雑誌グラビア『サンプル写真集』◆小B６判 <8ページ>",
            price = 34840,
            buyNowPrice,
            quantity,
            bids = 11,
            status,
            endTime = EndTime,
            seller = "vendor001",
            layout,
            botWall,
            closedAs404,
        });

    private async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string auctionId = "o1202015332")
    {
        using var response = await Client.GetAsync($"jp/auction/{auctionId}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetPage_NextDataAndPageDataAgreeWithTheItem_WhenItemIsSeeded()
    {
        await Sandbox.SeedAsync(yahoo: 5, seed: 42);
        var item = (await Sandbox.CatalogAsync("yahoo")).GetProperty("items")[3];
        var auctionId = item.GetProperty("auctionId").GetString()!;

        var (status, html) = await GetPageAsync(auctionId);

        Assert.Equal(HttpStatusCode.OK, status);
        var nextData = YahooPageParts.NextData(html)!.Value;
        var nextItem = YahooPageParts.Item(nextData);
        var pageData = YahooPageParts.PageData(html)!.Value.GetProperty("items");
        Assert.Equal(auctionId, nextData.GetProperty("query").GetProperty("aid").GetString());
        Assert.Equal(nextItem.GetRawText(), YahooPageParts.MirroredItem(nextData).GetRawText());
        Assert.Equal(item.GetProperty("title").GetString(), nextItem.GetProperty("title").GetString());
        Assert.Equal(item.GetProperty("price").GetInt64(), nextItem.GetProperty("price").GetInt64());
        Assert.Equal(item.GetProperty("quantity").GetInt32(), nextItem.GetProperty("quantity").GetInt32());
        Assert.Equal(item.GetProperty("bids").GetInt32(), nextItem.GetProperty("bids").GetInt32());
        Assert.Equal("open", nextItem.GetProperty("status").GetString());
        Assert.Equal(auctionId, pageData.GetProperty("productID").GetString());
        Assert.Equal(nextItem.GetProperty("title").GetString(), pageData.GetProperty("productName").GetString());
        Assert.Equal(nextItem.GetProperty("price").GetInt64().ToString(), pageData.GetProperty("price").GetString());
        Assert.Equal(nextItem.GetProperty("quantity").GetInt32().ToString(), pageData.GetProperty("quantity").GetString());
        Assert.Equal(nextItem.GetProperty("bids").GetInt32().ToString(), pageData.GetProperty("bids").GetString());
        Assert.Equal("0", pageData.GetProperty("isClosed").GetString());
        Assert.Equal(DateTimeOffset.Parse(nextItem.GetProperty("endTime").GetString()!), item.GetProperty("endTime").GetDateTimeOffset());
    }

    [Fact]
    [Trait("Category", "Shared")]
    public async Task GetPage_ItemObjectHasTheRealPagesFieldsAndTypes_WhenLive()
    {
        await PutItemAsync();
        var real = YahooPageParts.Item(YahooPageParts.NextData(SharedContracts.ReadText("fixtures/yahoo/nextjs-live-o1202015332-2025.html"))!.Value);

        var (_, html) = await GetPageAsync();

        var item = YahooPageParts.Item(YahooPageParts.NextData(html)!.Value);
        JsonShape.AssertConforms(item, WithoutOptionalParts(real), real);
    }

    [Fact]
    public async Task GetPage_RendersTimesAsTheRealPageDoes()
    {
        await PutItemAsync();

        var (_, html) = await GetPageAsync();

        var item = YahooPageParts.Item(YahooPageParts.NextData(html)!.Value);
        Assert.Equal("2030-10-02T21:39:11+09:00", item.GetProperty("endTime").GetString());
        Assert.Equal("10月2日（水）21時39分", item.GetProperty("formattedEndTime").GetString());
        Assert.Equal("0.000000", item.GetProperty("featuredPrice").GetString());
        Assert.False(item.TryGetProperty("bidorbuy", out _));
        Assert.Equal("vendor001", item.GetProperty("seller").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task GetPage_ShowsBuyNowPrice_WhenBuyNowPriceIsSet()
    {
        await PutItemAsync(buyNowPrice: 12000);

        var (_, html) = await GetPageAsync();

        var item = YahooPageParts.Item(YahooPageParts.NextData(html)!.Value);
        Assert.Equal("0.000000", item.GetProperty("featuredPrice").GetString());
        Assert.Equal(12000, item.GetProperty("bidorbuy").GetInt64());
        Assert.Equal("12000", YahooPageParts.PageData(html)!.Value.GetProperty("items").GetProperty("winPrice").GetString());
    }

    [Fact]
    public async Task GetPage_ShowsQuantity_WhenQuantityIsAboveOne()
    {
        await PutItemAsync(quantity: 4);

        var (_, html) = await GetPageAsync();

        Assert.Equal(4, YahooPageParts.Item(YahooPageParts.NextData(html)!.Value).GetProperty("quantity").GetInt32());
        Assert.Equal("4", YahooPageParts.PageData(html)!.Value.GetProperty("items").GetProperty("quantity").GetString());
    }

    [Fact]
    public async Task GetPage_ShowsEnded_WhenStatusIsClosed()
    {
        await PutItemAsync(status: "closed");

        var (status, html) = await GetPageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("このオークションは終了しています", html);
        Assert.NotEqual("open", YahooPageParts.Item(YahooPageParts.NextData(html)!.Value).GetProperty("status").GetString());
        Assert.Equal("1", YahooPageParts.PageData(html)!.Value.GetProperty("items").GetProperty("isClosed").GetString());
    }

    [Fact]
    public async Task GetPage_ShowsEnded_WhenEndTimeHasPassed()
    {
        await Sandbox.PutYahooItemAsync(new { auctionId = "o1202015332", title = "テスト", price = 100, endTime = DateTimeOffset.UtcNow.AddHours(1) });

        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(2));
        var (_, html) = await GetPageAsync();

        Assert.Equal("1", YahooPageParts.PageData(html)!.Value.GetProperty("items").GetProperty("isClosed").GetString());
    }

    [Fact]
    public async Task GetPage_ShowsChange_RightAfterPatch()
    {
        await PutItemAsync();
        await GetPageAsync();

        await Sandbox.PatchYahooItemAsync("o1202015332", new { price = 51000, bids = 12 });
        var (_, html) = await GetPageAsync();

        var item = YahooPageParts.Item(YahooPageParts.NextData(html)!.Value);
        Assert.Equal(51000, item.GetProperty("price").GetInt64());
        Assert.Equal(12, item.GetProperty("bids").GetInt32());
    }

    [Fact]
    public async Task GetPage_Returns404WithTheEndedItem_WhenClosedAs404()
    {
        await PutItemAsync(status: "closed", closedAs404: true);

        var (status, html) = await GetPageAsync();

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("このオークションは終了しています", html);
        Assert.Equal("o1202015332", YahooPageParts.Item(YahooPageParts.NextData(html)!.Value).GetProperty("auctionId").GetString());
    }

    [Fact]
    public async Task GetPage_Returns404WithoutItemData_WhenDeleted()
    {
        await PutItemAsync(status: "deleted");

        var (status, html) = await GetPageAsync();

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Null(YahooPageParts.NextData(html));
        Assert.DoesNotContain("o1202015332", html);
    }

    [Fact]
    public async Task GetPage_Returns404_WhenAuctionIsUnknown()
    {
        var (status, html) = await GetPageAsync("x1234567890");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Null(YahooPageParts.NextData(html));
    }

    [Fact]
    public async Task GetPage_ReturnsCaptchaWithoutItemData_WhenBotWallIsSet()
    {
        await PutItemAsync(botWall: true);

        var (status, html) = await GetPageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("captcha", html);
        Assert.Null(YahooPageParts.NextData(html));
        Assert.Null(YahooPageParts.PageData(html));
    }

    [Fact]
    public async Task GetPage_RendersTheBemLayoutWithoutScripts_WhenLayoutIsLegacy()
    {
        await PutItemAsync(status: "closed", buyNowPrice: 50000, layout: "legacy");

        var (_, html) = await GetPageAsync();

        Assert.Null(YahooPageParts.NextData(html));
        Assert.Null(YahooPageParts.PageData(html));
        Assert.Contains("<div class=\"ClosedHeader\" id=\"closedHeader\">\n<div class=\"ClosedHeader__tag\">\n  <p>このオークションは終了しています</p>", html);
        Assert.Contains("<h1 class=\"ProductTitle__text\">古雑誌グラビア『サンプル写真集』◆小B６判 &lt;8ページ&gt;</h1>", html);
        Assert.Contains("<div class=\"Price Price--current\">", html);
        Assert.Contains("34,840円<span class=\"Price__tax u-fontSize14\">（税込 38,324 円）</span>", html);
        Assert.Contains("<div class=\"Price Price--buynow\">", html);
        Assert.Contains("<dd class=\"Count__number\">11<a", html);
        Assert.Contains("<dt class=\"ProductDetail__title\">オークションID</dt>\n<dd class=\"ProductDetail__description\"><span class=\"ProductDetail__bullet\">：</span>o1202015332</dd>", html);
        Assert.Contains("<span class=\"Seller__name\"><a href=\"https://auctions.yahoo.co.jp/seller/vendor001\">vendor001</a>", html);
    }

    [Fact]
    public async Task GetPage_SaysItIsDemoData()
    {
        await PutItemAsync();

        var (_, html) = await GetPageAsync();

        Assert.Contains("DEMO DATA", html);
    }

    /// <summary>The real item minus what only some real items carry: an image caption, and store licences (stores only).</summary>
    private static JsonElement WithoutOptionalParts(JsonElement real)
    {
        var node = JsonNode.Parse(real.GetRawText())!;
        foreach (var image in node["img"]!.AsArray())
        {
            image!.AsObject().Remove("comment");
        }

        node["seller"]!["storeLicences"] = new JsonArray();
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
