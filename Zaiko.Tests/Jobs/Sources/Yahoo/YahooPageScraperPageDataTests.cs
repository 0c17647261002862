using Zaiko.Jobs.Sources;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

public sealed class YahooPageScraperPageDataTests
{
    [Fact]
    public void Parse_ReportsEveryValue_WhenOnlyPageDataIsThere()
    {
        var html = PageData(PageDataItems);

        var observation = Scrape(html);

        Assert.Equal(new SourceObservation
        {
            Status = SourceStatus.Live,
            SourceProductId = AuctionId,
            Title = Title,
            TitleHash = TitleHash.Compute(Title),
            Price = 1500m,
            Currency = "JPY",
            Quantity = 1,
            Bids = 3,
            EndTime = EndTime,
            Layout = SourceLayouts.PageData,
            FetchedAt = FetchedAt,
            HttpStatus = 200,
            ElapsedMs = ElapsedMs,
        }, observation);
    }

    [Fact]
    public void Parse_ReportsEnded_WhenIsClosedIsOne()
    {
        var html = PageData(PageDataItems.Replace("\"isClosed\":\"0\"", "\"isClosed\":\"1\"", StringComparison.Ordinal));

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Ended, 0), (observation.Status, observation.Quantity));
    }

    [Fact]
    public void Parse_ReadsTheBuyNowPrice_FromWinPrice()
    {
        var html = PageData(PageDataItems.Replace("\"winPrice\":\"0\"", "\"winPrice\":\"5600\"", StringComparison.Ordinal));

        var observation = Scrape(html);

        Assert.Equal(5600m, observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReportsNoBuyNowPrice_WhenWinPriceIsZero()
    {
        var html = PageData(PageDataItems);

        var observation = Scrape(html);

        Assert.Null(observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReadsTheUnitsOfAMultiUnitAuction()
    {
        var html = PageData(PageDataItems.Replace("\"quantity\":\"1\"", "\"quantity\":\"4\"", StringComparison.Ordinal));

        var observation = Scrape(html);

        Assert.Equal(4, observation.Quantity);
    }

    [Fact]
    public void Parse_ReadsAJavaScriptLiteral_WithBareKeysAndSingleQuotes()
    {
        var html = PageData("{productID:'x123456789', productName:'Tamiya \\'62 \"Bug\"', price:'1500', isClosed:'0', bids:0}");

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Live, "Tamiya '62 \"Bug\"", 1500m), (observation.Status, observation.Title, observation.Price));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenPageDataIsForAnotherAuction()
    {
        var html = PageData(PageDataItems.Replace(AuctionId, "x987654321", StringComparison.Ordinal));

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("x987654321", observation.Error);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenPageDataDoesNotSayWhetherTheAuctionEnded()
    {
        var html = PageData("""{"productID":"x123456789","productName":"t","price":"1500"}""");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenPageDataIsCutOff()
    {
        var html = "<html><head><script>var pageData = {\"items\":{\"productID\":\"x123456789\",\"isClosed\":\"1\"</script></head><body></body></html>";

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("pageData", observation.Error);
    }
}
