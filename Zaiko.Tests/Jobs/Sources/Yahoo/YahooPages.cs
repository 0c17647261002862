using System.Text.Json.Nodes;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>Small synthetic item pages in each layout Yahoo! has used, built to the real pages' structure.</summary>
internal static class YahooPages
{
    public const string AuctionId = "x123456789";
    public const string Title = "テスト用 ミニカー 1/64 未開封";
    public const long ElapsedMs = 120;

    public static readonly DateTimeOffset FetchedAt = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EndTime = new(2026, 12, 1, 22, 0, 0, TimeSpan.FromHours(9));

    private static readonly YahooPageScraper Scraper = new();

    /// <summary>Parses <paramref name="html"/> as the answer to a request for <see cref="AuctionId"/>.</summary>
    public static SourceObservation Scrape(string html, int httpStatus = 200, string auctionId = AuctionId) =>
        Scraper.Parse(auctionId, httpStatus, html, FetchedAt, ElapsedMs);

    /// <summary>An open single-unit auction as the Next.js page's item object holds it.</summary>
    public static JsonObject Item() => new()
    {
        ["auctionId"] = AuctionId,
        ["title"] = Title,
        ["price"] = 1500,
        ["initPrice"] = 1000,
        ["quantity"] = 1,
        ["bids"] = 3,
        ["featuredPrice"] = "0.000000",
        ["endTime"] = "2026-12-01T22:00:00+09:00",
        ["status"] = "open",
        ["seller"] = new JsonObject { ["displayName"] = "min******", ["isStore"] = false },
    };

    /// <summary>A Next.js page holding <paramref name="item"/> in both places, as real pages do.</summary>
    public static string NextData(JsonObject item, string? aid = AuctionId, string extraHead = "", string extraBody = "") =>
        NextData(item, item, aid, extraHead, extraBody);

    /// <summary>A Next.js page whose two item copies are given separately; null leaves a copy out.</summary>
    public static string NextData(JsonObject? pagePropsCopy, JsonObject? propsCopy, string? aid = AuctionId, string extraHead = "", string extraBody = "")
    {
        var data = new JsonObject
        {
            ["page"] = "/jp/auction/[aid]",
            ["query"] = aid is null ? new JsonObject() : new JsonObject { ["aid"] = aid },
            ["props"] = new JsonObject
            {
                ["pageProps"] = new JsonObject { ["initialState"] = State(pagePropsCopy) },
                ["initialState"] = State(propsCopy),
            },
            ["buildId"] = "webfe_test",
        };
        return NextDataPage(data.ToJsonString(), extraHead, extraBody);
    }

    /// <summary>A Next.js page whose <c>__NEXT_DATA__</c> script holds <paramref name="json"/> verbatim.</summary>
    public static string NextDataPage(string json, string extraHead = "", string extraBody = "") => $"""
        <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"/><title>Yahoo!オークション - テスト用 ミニカー</title>{extraHead}</head>
        <body><div id="__next"><main class="gv-l-Main--Ws9N"><p class="gv-u-Text--x7Qz">1,500円</p></main></div>{extraBody}
        <script id="__NEXT_DATA__" type="application/json">{json}</script></body></html>
        """;

    /// <summary>A page carrying only <c>var pageData = {"items":{…}}</c>, with <paramref name="items"/> as the items literal.</summary>
    public static string PageData(string items) => $$"""
        <!DOCTYPE html><html lang="ja"><head><title>ヤフオク!</title>
        <script>var foo = 1;</script>
        <script>
          var pageData = {"items":{{items}},"ssl":"1"};
        </script></head><body><div id="wrapper"></div></body></html>
        """;

    public const string PageDataItems = """
        {"productID":"x123456789","productName":"テスト用 ミニカー 1/64 未開封","price":"1500","quantity":"1","bids":"3",
         "isClosed":"0","hasWinner":"0","starttime":"2026-11-24 21:00:00","endtime":"2026-12-01 22:00:00","winPrice":"0"}
        """;

    /// <summary>A 2017–2023 BEM item page; every part can be varied.</summary>
    public static string Legacy(
        bool closedHeader = false,
        string? timeLeft = "2日",
        string price = "1,500円",
        string? tax = "（税込 1,650 円）",
        string? buyNow = null,
        string quantity = "1",
        string auctionId = AuctionId,
        string description = "美品です。",
        string pageDataScript = "")
    {
        var closed = closedHeader
            ? """<div class="ClosedHeader" id="closedHeader"><div class="ClosedHeader__tag"><p>このオークションは終了しています</p></div></div>"""
            : "";
        var timeLeftRow = timeLeft is null
            ? ""
            : $"""<li class="Count__count"><dl><dt class="Count__title">残り時間</dt><dd class="Count__number">{timeLeft}<a class="Count__note" href="#">詳細</a></dd></dl></li>""";
        var taxSpan = tax is null ? "" : $"""<span class="Price__tax">{tax}</span>""";
        var buyNowBlock = buyNow is null
            ? ""
            : $"""<div class="Price Price--buynow"><dl class="Price__body"><dt class="Price__title">即決価格</dt><dd class="Price__value">{buyNow}</dd></dl></div>""";
        return $"""
            <!DOCTYPE html><html lang="ja"><head><title>ヤフオク!</title>{pageDataScript}</head><body>
            <h1 class="ProductTitle__text">  {Title}  </h1>
            {closed}
            <ul class="ProductDetail__items">
              <li class="ProductDetail__item"><dl><dt class="ProductDetail__title">個数</dt><dd class="ProductDetail__description"><span class="ProductDetail__bullet">：</span>{quantity}</dd></dl></li>
              <li class="ProductDetail__item"><dl><dt class="ProductDetail__title">終了日時</dt><dd class="ProductDetail__description"><span class="ProductDetail__bullet">：</span>2026.12.01（火）22:00</dd></dl></li>
              <li class="ProductDetail__item"><dl><dt class="ProductDetail__title">オークションID</dt><dd class="ProductDetail__description"><span class="ProductDetail__bullet">：</span>{auctionId}</dd></dl></li>
            </ul>
            <div class="Count"><ul>
              <li class="Count__count"><dl><dt class="Count__title">入札件数</dt><dd class="Count__number">3<a class="Count__note" href="#">入札履歴</a></dd></dl></li>
              {timeLeftRow}
            </ul></div>
            <div class="Price Price--current"><dl class="Price__body"><dt class="Price__title">現在価格</dt><dd class="Price__value">{price}{taxSpan}</dd></dl></div>
            {buyNowBlock}
            <dl class="Seller"><dd class="Seller__card"><span class="Seller__name"><a href="#">seller_a</a><span class="Seller__honorific">さん</span></span></dd></dl>
            <div class="ProductExplanation" id="ProductExplanation"><div class="ProductExplanation__commentBody">{description}</div></div>
            </body></html>
            """;
    }

    private static JsonObject State(JsonObject? item) => new()
    {
        ["item"] = new JsonObject
        {
            ["detail"] = new JsonObject { ["isFetching"] = false, ["item"] = item?.DeepClone() },
        },
    };
}
