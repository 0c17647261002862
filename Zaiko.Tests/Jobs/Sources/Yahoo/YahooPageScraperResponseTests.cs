using Zaiko.Data;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>How HTTP statuses, block pages and unreadable bodies are reported: never as a stock-out unless the page says so.</summary>
public sealed class YahooPageScraperResponseTests
{
    private const string CaptchaPage = """
        <!DOCTYPE html><html lang="ja"><head><title>Yahoo! JAPAN</title></head><body>
        <p>ロボットではありませんか？ 表示されている文字を入力してください。</p>
        <img src="https://ncaptcha.yahoo.co.jp/v1/img/AgAAAA"/><form><input name="captcha"/></form></body></html>
        """;

    private const string NotFoundPage = """
        <!DOCTYPE html><html lang="ja"><head><title>ページが見つかりません - Yahoo!オークション</title></head>
        <body><h1>指定されたページは存在しません</h1></body></html>
        """;

    [Fact]
    public void Parse_ReportsEnded_WhenA404RendersTheEndedItem()
    {
        var item = Item();
        item["status"] = "closed";

        var observation = Scrape(NextData(item), httpStatus: 404);

        Assert.Equal((SourceStatus.Ended, 0, 404), (observation.Status, observation.Quantity, observation.HttpStatus));
    }

    [Fact]
    public void Parse_ReportsEnded_WhenA404ShowsOnlyTheClosedNotice()
    {
        var html = "<html><body><main><p>このオークションは終了しています</p></main></body></html>";

        var observation = Scrape(html, httpStatus: 404);

        Assert.Equal(SourceStatus.Ended, observation.Status);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public void Parse_ReportsGone_WhenTheBodyDoesNotShowTheItem(int httpStatus)
    {
        var observation = Scrape(NotFoundPage, httpStatus);

        Assert.Equal((SourceStatus.Gone, 0), (observation.Status, observation.Quantity));
        Assert.Contains("does not show the item", observation.Error);
    }

    [Fact]
    public void Parse_ReportsGone_WhenA404HasNoBody()
    {
        var observation = Scrape("", httpStatus: 404);

        Assert.Equal(SourceStatus.Gone, observation.Status);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public void Parse_ReportsTransientError_WhenTheSourceFailsOrThrottles(int httpStatus)
    {
        var observation = Scrape("<html><body>Service Unavailable</body></html>", httpStatus);

        Assert.Equal((SourceStatus.TransientError, (int?)null), (observation.Status, observation.Quantity));
    }

    [Fact]
    public void Parse_ReportsTransientError_EvenWhenA503BodyShowsAnEndedItem()
    {
        var html = Legacy(closedHeader: true, timeLeft: "終了");

        var observation = Scrape(html, httpStatus: 503);

        Assert.Equal(SourceStatus.TransientError, observation.Status);
    }

    [Fact]
    public void Parse_ReportsTransientError_ForARedirectThatWasNotFollowed()
    {
        var observation = Scrape("<html><body>Moved</body></html>", httpStatus: 302);

        Assert.Equal(SourceStatus.TransientError, observation.Status);
    }

    [Fact]
    public void Parse_ReportsBlocked_WhenA200PageIsACaptcha()
    {
        var observation = Scrape(CaptchaPage);

        Assert.Equal((SourceStatus.Blocked, (int?)null), (observation.Status, observation.Quantity));
        Assert.Contains("captcha", observation.Error);
    }

    [Theory]
    [InlineData("<html><head><title>403 Forbidden</title></head><body><h1>Access Denied</h1></body></html>")]
    [InlineData("<html><body><p>Yahoo! JAPANは、欧州経済領域（EEA）およびイギリスからはご利用いただけなくなりました。</p></body></html>")]
    [InlineData("<html><body><div class=\"g-recaptcha\" data-sitekey=\"k\"></div></body></html>")]
    public void Parse_ReportsBlocked_ForTypicalBlockPages(string html)
    {
        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Blocked, observation.Status);
    }

    [Fact]
    public void Parse_ReportsBlocked_WhenA404IsACaptchaPage()
    {
        var observation = Scrape(CaptchaPage, httpStatus: 404);

        Assert.Equal(SourceStatus.Blocked, observation.Status);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(999)]
    public void Parse_ReportsBlocked_WhenTheStatusIsARefusal(int httpStatus)
    {
        var observation = Scrape(NotFoundPage, httpStatus);

        Assert.Equal(SourceStatus.Blocked, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLive_WhenALiveItemMentionsACaptcha()
    {
        var item = Item();
        item["title"] = "captcha 対策本 未使用";

        var observation = Scrape(NextData(item));

        Assert.Equal(SourceStatus.Live, observation.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("{\"not\":\"html\"}")]
    [InlineData("<html><body><p>こんにちは</p></body></html>")]
    [InlineData("<html><body><p>このオークションは終了しています</p></body></html>")]
    [InlineData("<script id=\"__NEXT_DATA__\" type=\"application/json\"></script>")]
    [InlineData("<script>var pageData = {\"items\":{}};</script>")]
    [InlineData("<<<<>>>><script><!--</html\u0000\uffff")]
    public void Parse_ReportsLayoutChanged_WhenA200PageCarriesNoItem(string html)
    {
        var observation = Scrape(html);

        Assert.Equal((SourceStatus.LayoutChanged, (int?)null), (observation.Status, observation.Quantity));
        Assert.False(string.IsNullOrEmpty(observation.Error));
    }

    [Fact]
    public void Parse_Throws_WhenTheRequestedIdIsNotAnAuction()
    {
        var ex = Assert.Throws<InvalidInputException>(() => Scrape(NextData(Item()), auctionId: "https://example.com/jp/auction/x123456789"));

        Assert.Equal("auction", ex.Field);
    }

    [Fact]
    public void Parse_AcceptsTheRequestedItemAsAUrl()
    {
        var observation = Scrape(NextData(Item()), auctionId: "https://page.auctions.yahoo.co.jp/jp/auction/x123456789?sc=1");

        Assert.Equal((SourceStatus.Live, AuctionId), (observation.Status, observation.SourceProductId));
    }

    [Fact]
    public void Parse_GivesTheSameResults_WhenUsedFromManyThreadsAtOnce()
    {
        var ended = Item();
        ended["status"] = "closed";
        string[] pages = [NextData(Item()), NextData(ended), PageData(PageDataItems), Legacy(), Legacy(closedHeader: true, timeLeft: "終了"), CaptchaPage];
        var scraper = new YahooPageScraper();
        var expected = pages.Select(page => scraper.Parse(AuctionId, 200, page, FetchedAt, ElapsedMs)).ToArray();

        var results = new SourceObservation[pages.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = scraper.Parse(AuctionId, 200, pages[i % pages.Length], FetchedAt, ElapsedMs));

        Assert.All(results.Select((result, i) => (result, i)), pair => Assert.Equal(expected[pair.i % pages.Length], pair.result));
    }
}
