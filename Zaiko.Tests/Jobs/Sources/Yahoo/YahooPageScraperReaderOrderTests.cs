using Zaiko.Jobs.Sources;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>How the readers combine: the first that finds the item leads, later ones fill gaps and must agree.</summary>
public sealed class YahooPageScraperReaderOrderTests
{
    [Fact]
    public void Parse_FallsBackToPageData_WhenNextDataIsMalformed()
    {
        var html = NextDataPage("""{"props": {"pageProps": """, extraBody: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>");

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Live, SourceLayouts.PageData), (observation.Status, observation.Layout));
    }

    [Fact]
    public void Parse_DoesNotTrustAnEndedFallback_WhenNextDataIsMalformed()
    {
        var closed = PageDataItems.Replace("\"isClosed\":\"0\"", "\"isClosed\":\"1\"", StringComparison.Ordinal);
        var html = NextDataPage("""{"props": {"pageProps": """, extraBody: $"<script>var pageData = {{\"items\":{closed}}};</script>");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Null(observation.Quantity);
        Assert.Contains("says the auction ended, but the page's __NEXT_DATA__ could not be read", observation.Error);
    }

    [Fact]
    public void Parse_ReportsLayoutChangedWithoutThrowing_WhenNextDataIsMalformedAndNothingElseIsThere()
    {
        var html = NextDataPage("""{"props": {"pageProps": {"initialState": """);

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("__NEXT_DATA__ is not valid JSON", observation.Error);
    }

    [Fact]
    public void Parse_TakesMissingValues_FromPageData()
    {
        var items = PageDataItems.Replace("\"price\":\"1500\"", "\"price\":\"1500\",\"taxinPrice\":\"1650\"", StringComparison.Ordinal);
        var html = NextData(Item(), extraBody: $"<script>var pageData = {{\"items\":{items}}};</script>");

        var observation = Scrape(html);

        Assert.Equal((SourceLayouts.NextData, 1650m), (observation.Layout, observation.PriceIncludingTax));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenPageDataSaysClosedButNextDataSaysOpen()
    {
        var closedPageData = PageDataItems.Replace("\"isClosed\":\"0\"", "\"isClosed\":\"1\"", StringComparison.Ordinal);
        var html = NextData(Item(), extraBody: $"<script>var pageData = {{\"items\":{closedPageData}}};</script>");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("page-data says it is ended", observation.Error);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheCanonicalUrlIsAnotherAuction()
    {
        var html = NextData(Item(), extraHead: """<link rel="canonical" href="https://auctions.yahoo.co.jp/jp/auction/x987654321"/>""");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("canonical", observation.Error);
    }

    [Fact]
    public void Parse_PrefersPageData_AndFillsTheRestFromTheMarkup()
    {
        var html = Legacy(pageDataScript: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>");

        var observation = Scrape(html);

        Assert.Equal((SourceLayouts.PageData, 1650m, "seller_a"), (observation.Layout, observation.PriceIncludingTax, observation.Seller));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenPageDataSaysOpenButTheClosedHeaderIsShown()
    {
        var html = Legacy(closedHeader: true, timeLeft: "終了", pageDataScript: $"<script>var pageData = {{\"items\":{PageDataItems}}};</script>");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_IgnoresPageDataQuoted_InsideTheNextDataJson()
    {
        var quoted = "\"descriptionHtml\":\"var pageData = {'items':{'productID':'x123456789','isClosed':'1'}};\",\"auctionId\"";
        var html = NextData(Item()).Replace("\"auctionId\"", quoted, StringComparison.Ordinal);

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Live, observation.Status);
    }
}
