using AngleSharp.Html.Parser;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>
/// The DOM-free scanner reads what the DOM reader reads, or leaves the page to it: every page gives the same
/// observation with and without it, sellers' text cannot steer either, and the Next.js pages do skip the DOM.
/// </summary>
public sealed class YahooPageScraperScannerTests
{
    private const string OtherAuction = "x987654321";
    private const string OtherCanonical = $"""<link rel="canonical" href="https://auctions.yahoo.co.jp/jp/auction/{OtherAuction}"/>""";
    private const string OwnCanonical = $"""<link rel="canonical" href="https://auctions.yahoo.co.jp/jp/auction/{AuctionId}"/>""";
    private const string ClosedPageData = $$$"""<script>var pageData = {"items":{"productID":"{{{AuctionId}}}","isClosed":"1"}};</script>""";

    private static readonly YahooPageScraper Scraper = new();

    [Fact]
    public void TryScan_GivesTheDomsParts_ForANextJsPageWithPageData()
    {
        var html = NextData(Item(), extraHead: OwnCanonical, extraBody: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>");

        var parts = YahooMarkupScanner.TryScan(html);

        AssertSameParts(html, parts);
    }

    [Fact]
    public void TryScan_GivesTheDomsParts_WhenSvgIconsCarryATitle()
    {
        var html = NextData(Item(), extraBody: """<svg viewBox="0 0 24 24"><title>検索</title><desc>虫眼鏡</desc><path d="M0 0h24"/></svg>""");

        var parts = YahooMarkupScanner.TryScan(html);

        AssertSameParts(html, parts);
    }

    [Theory]
    [MemberData(nameof(PagesLeftToTheDom))]
    public void TryScan_LeavesThePageToTheDom_WhenTreeConstructionCouldChangeIt(string why, string html)
    {
        var parts = YahooMarkupScanner.TryScan(html);

        Assert.True(parts is null, why);
    }

    [Theory]
    [MemberData(nameof(AdversarialPages))]
    public void Parse_GivesTheDomsObservation_ForAdversarialPages(string why, string html, SourceStatus expected)
    {
        var observation = Scrape(html);

        Assert.Equal(Scraper.ParseWithDocument(AuctionId, 200, html, FetchedAt, ElapsedMs), observation);
        Assert.True(expected == observation.Status, $"{why}: {observation.Status} {observation.Error}");
    }

    [Fact]
    public void Parse_ReadsTheScriptNotADescriptionElement_WhenTheDescriptionCarriesTheNextDataId()
    {
        var closed = Item();
        closed["status"] = "closed";
        var forged = $"""<div id="__NEXT_DATA__">{NextDataJson(closed)}</div>""";

        var observation = Scraper.ParseWithDocument(AuctionId, 200, NextData(Item(), extraBody: forged), FetchedAt, ElapsedMs);

        Assert.Equal((SourceStatus.Live, SourceLayouts.NextData), (observation.Status, observation.Layout));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenThePageCarriesTwoNextDataScripts()
    {
        var second = $"""<script id="__NEXT_DATA__" type="application/json">{NextDataJson(Item())}</script>""";

        var observation = Scraper.ParseWithDocument(AuctionId, 200, NextData(Item(), extraHead: second), FetchedAt, ElapsedMs);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("2 __NEXT_DATA__ scripts", observation.Error);
    }

    [Fact]
    public void Parse_SkipsAScriptWithAnEmptySrc_WhenLookingForPageData()
    {
        var html = NextData(Item(), extraBody: ClosedPageData.Replace("<script>", "<script src=\"\">", StringComparison.Ordinal));

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Live, observation.Status);
    }

    [Fact]
    public void Parse_GivesTheDomsObservation_WhenMarkupIsInsertedAnywhereInSyntheticPages()
    {
        string[] pages =
        [
            NextData(Item(), extraHead: OwnCanonical, extraBody: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>"),
            NextData(Item(), aid: null),
            PageData(PageDataItems),
            Legacy(pageDataScript: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>"),
        ];

        var scanned = AssertAgreeUnderInsertions(pages, rounds: 1500, seed: 20261204);

        Assert.True(scanned > 300, $"only {scanned} of 1500 pages were read without the DOM");
    }

    /// <summary>
    /// Inserts 1–3 fragments at random places into random pages and checks both paths give the same observation;
    /// returns how many of the pages the scanner read, so a scanner that gives up on everything cannot pass.
    /// </summary>
    internal static int AssertAgreeUnderInsertions(string[] pages, int rounds, int seed)
    {
        var random = new Random(seed);
        var scanned = 0;
        for (var round = 0; round < rounds; round++)
        {
            var html = pages[random.Next(pages.Length)];
            var auctionId = html.Contains("o1202015332", StringComparison.Ordinal) ? "o1202015332" : AuctionId;
            for (var insertions = random.Next(1, 4); insertions > 0; insertions--)
            {
                html = html.Insert(random.Next(html.Length + 1), Fragments[random.Next(Fragments.Length)]);
            }

            var status = random.Next(4) == 0 ? 404 : 200;
            var fast = Scraper.Parse(auctionId, status, html, FetchedAt, ElapsedMs);
            var dom = Scraper.ParseWithDocument(auctionId, status, html, FetchedAt, ElapsedMs);
            Assert.True(dom == fast, $"round {round}: scanner {fast.Status} ({fast.Error}) but DOM {dom.Status} ({dom.Error}) for:\n{html}");
            scanned += YahooMarkupScanner.TryScan(html) is null ? 0 : 1;
        }

        return scanned;
    }

    internal static void AssertSameParts(string html, YahooPageParts? parts)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var expected = YahooPageParts.FromDocument(document);

        Assert.NotNull(parts);
        Assert.Equal(expected.Canonical, parts.Canonical);
        Assert.Equal(expected.NextDataScripts.Select(text => text.ToString()), parts.NextDataScripts.Select(text => text.ToString()));
        Assert.Equal(expected.JavaScripts.Select(text => text.ToString()), parts.JavaScripts.Select(text => text.ToString()));
    }

    private static readonly string[] Fragments =
    [
        "<svg>", "</svg>", "<svg/>", "<math>", "</math>", "<select>", "</select>", "<template>", "</template>",
        "<style>", "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<noscript>", "</noscript>",
        "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<table>", "<div>", "</div>", "<plaintext>", "<frameset>",
        "<foreignObject>", "<desc>", "<svg><title>検索</title><path d=\"M0 0\"/></svg>", "<title>x</title>", "</title>", "<script>", "</script>", "<script type=\"application/json\">", "<script src=\"\">",
        "<!--", "-->", "<!-->", "--!>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?x?>", "</", "<", ">", "\"", "'",
        "\r\n", "\r", "&amp;", "<p class=\"a&#95;b\">", "<a href='x>y'>", "<p title=\"<script>\">",
        OtherCanonical, OwnCanonical, "<LINK REL=CANONICAL HREF=https://auctions.yahoo.co.jp/jp/auction/x123456789>",
        "<div id=\"__NEXT_DATA__\">{}</div>", """<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>""",
        "<h1 class=\"ProductTitle__text\">偽の題名</h1>", "<div class=\"ClosedHeader\"><p>このオークションは終了しています</p></div>",
        """<li class="ProductDetail__item"><dl><dt class="ProductDetail__title">オークションID</dt><dd class="ProductDetail__description">x987654321</dd></dl></li>""",
        ClosedPageData, ClosedPageData.Replace("<script>", "<script type=\"module\">", StringComparison.Ordinal),
        "<script>var pageData = {\"items\":{\"productID\":\"x123456789\",\"isClosed\":\"0\"}};</script>",
        "var pageData = {\"items\":{\"isClosed\":\"1\"}};", "ロボットではありません", "このオークションは終了しています",
    ];

    public static TheoryData<string, string> PagesLeftToTheDom() => new()
    {
        { "legacy markup", Legacy() },
        { "markup inside an svg title", NextData(Item(), extraHead: "<svg><title><b>x</b></title></svg>") },
        { "a style inside an svg", NextData(Item(), extraBody: "<svg><style>p{}</style></svg>") },
        { "a select ignores style", NextData(Item(), extraBody: "<select><style></select>") },
        { "a template", NextData(Item(), extraBody: "<template><p>x</p></template>") },
        { "a second canonical link", NextData(Item(), extraHead: OwnCanonical + OwnCanonical) },
        { "a canonical link in capitals", NextData(Item(), extraHead: OwnCanonical.Replace("canonical", "CANONICAL", StringComparison.Ordinal)) },
        { "a character reference in a script id", NextData(Item(), extraHead: "<script id=\"&#95;_NEXT_DATA__\" type=\"application/json\">{}</script>") },
        { "two pageData assignments", NextData(Item(), extraBody: ClosedPageData + ClosedPageData) },
        { "an escaped script", NextData(Item(), extraHead: "<script>document.write('<!--');</script>") },
        { "a NUL", NextData(Item(), extraBody: "\0") },
        { "an unclosed comment", NextData(Item()) + "<!-- " },
    };

    public static TheoryData<string, string, SourceStatus> AdversarialPages()
    {
        var data = new TheoryData<string, string, SourceStatus>();
        foreach (var (why, quoted, expected) in new[]
        {
            ("pageData in the description", "var pageData = {'items':{'productID':'x123456789','isClosed':'1'}};", SourceStatus.Live),
            ("an escaped script end and a pageData script",
                "<\\/script><script>var pageData = {\\\"items\\\":{\\\"productID\\\":\\\"x123456789\\\",\\\"isClosed\\\":\\\"1\\\"}};<\\/script>", SourceStatus.Live),
            ("a unicode-escaped script end", "\\u003c/script\\u003e\\u003cscript\\u003evar pageData = {\\\"items\\\":{\\\"isClosed\\\":\\\"1\\\"}}", SourceStatus.Live),
            ("the closed notice and legacy class names",
                "<h1 class=\\\"ProductTitle__text\\\">x</h1><div class=\\\"ClosedHeader\\\">このオークションは終了しています</div>", SourceStatus.Live),
            // Unescaped, "<!--" then "<script" keeps the real "</script>" from closing __NEXT_DATA__ (Next.js escapes '<').
            ("a comment opener and a script start", "<!-- <script>", SourceStatus.LayoutChanged),
        })
        {
            var item = Item();
            item["descriptionHtml"] = "__DESCRIPTION__";
            var html = NextData(item).Replace("__DESCRIPTION__", quoted, StringComparison.Ordinal);
            data.Add($"{why} inside __NEXT_DATA__", html, expected);
        }

        var closed = Item();
        closed["status"] = "closed";
        data.Add("a description element carrying the __NEXT_DATA__ id", NextData(Item(), extraBody: $"""<div id="__NEXT_DATA__">{NextDataJson(closed)}</div>"""), SourceStatus.Live);
        data.Add("a pageData script inside a textarea", NextData(Item(), extraBody: $"<textarea>{ClosedPageData}</textarea>"), SourceStatus.Live);
        data.Add("a pageData script inside a comment", NextData(Item(), extraBody: $"<!-- {ClosedPageData} -->"), SourceStatus.Live);
        data.Add("a pageData script inside an attribute", NextData(Item(), extraBody: $"<p title='{ClosedPageData}'>x</p>"), SourceStatus.Live);
        data.Add("a pageData script after a quote inside an attribute", NextData(Item(), extraBody: $"<p title='\"/>{ClosedPageData}'>x</p>"), SourceStatus.Live);
        data.Add("a pageData script after a comment closed by --!>", NextData(Item(), extraBody: $"<!-- --!>{ClosedPageData}-->"), SourceStatus.LayoutChanged);
        data.Add("a pageData script after a comment closed at once", NextData(Item(), extraBody: $"<!--->{ClosedPageData}-->"), SourceStatus.LayoutChanged);
        data.Add("a pageData script inside svg style", NextData(Item(), extraBody: $"<svg><style>{ClosedPageData}</style></svg>"), SourceStatus.Live);
        data.Add("a pageData script inside an svg title", NextData(Item(), extraBody: $"<svg><title>{ClosedPageData}</title></svg>"), SourceStatus.LayoutChanged);
        data.Add("a pageData script after an svg title", NextData(Item(), extraBody: $"<svg><title>x</title></svg>{ClosedPageData}"), SourceStatus.LayoutChanged);
        data.Add("a pageData script a select lets through", NextData(Item(), extraBody: $"<select><style></select>{ClosedPageData}</style>"), SourceStatus.LayoutChanged);
        data.Add("a closed pageData script", NextData(Item(), extraBody: ClosedPageData), SourceStatus.LayoutChanged);
        data.Add("legacy markup in the body", NextData(Item(), extraBody: """<h1 class="ProductTitle__text">x</h1><div class="ClosedHeader">このオークションは終了しています</div>"""), SourceStatus.LayoutChanged);
        data.Add("another auction's canonical link in the body", NextData(Item(), extraBody: OtherCanonical), SourceStatus.LayoutChanged);
        data.Add("another auction's canonical link after the page's own", NextData(Item(), extraHead: OwnCanonical, extraBody: OtherCanonical), SourceStatus.Live);
        data.Add("another auction's canonical link inside a comment", NextData(Item(), extraBody: $"<!--{OtherCanonical}-->"), SourceStatus.Live);
        data.Add("another auction's canonical link inside a template", NextData(Item(), extraBody: $"<template>{OtherCanonical}</template>"), SourceStatus.Live);
        data.Add("a second __NEXT_DATA__ script hidden behind a character reference", NextData(Item(), extraHead: $"""<script id="&#95;_NEXT_DATA__" type="application/json">{NextDataJson(closed)}</script>"""), SourceStatus.LayoutChanged);
        data.Add("CRLF line ends", NextData(Item(), extraHead: OwnCanonical).ReplaceLineEndings("\r\n"), SourceStatus.Live);
        return data;
    }

    /// <summary>The <c>__NEXT_DATA__</c> JSON of a page holding <paramref name="item"/>.</summary>
    private static string NextDataJson(System.Text.Json.Nodes.JsonObject item)
    {
        const string Open = "type=\"application/json\">";
        var html = NextData(item);
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}
