using Zaiko.Jobs.Sources;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

public sealed class YahooPageScraperLegacyDomTests
{
    [Fact]
    public void Parse_ReportsEveryValue_WhenTheLegacyPageIsLive()
    {
        var html = Legacy();

        var observation = Scrape(html);

        Assert.Equal(new SourceObservation
        {
            Status = SourceStatus.Live,
            SourceProductId = AuctionId,
            Title = Title,
            TitleHash = TitleHash.Compute(Title),
            Price = 1500m,
            PriceIncludingTax = 1650m,
            Currency = "JPY",
            Quantity = 1,
            Bids = 3,
            EndTime = EndTime,
            Seller = "seller_a",
            Layout = SourceLayouts.LegacyDom,
            FetchedAt = FetchedAt,
            HttpStatus = 200,
            ElapsedMs = ElapsedMs,
        }, observation);
    }

    [Fact]
    public void Parse_ReportsEnded_WhenTheClosedHeaderIsShown()
    {
        var html = Legacy(closedHeader: true, timeLeft: null);

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Ended, 0), (observation.Status, observation.Quantity));
    }

    [Fact]
    public void Parse_ReportsEnded_WhenTheTimeLeftReadsEnded()
    {
        var html = Legacy(timeLeft: "終了");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Ended, observation.Status);
    }

    [Fact]
    public void Parse_StaysLive_WhenOnlyTheDescriptionSaysTheAuctionEnded()
    {
        var html = Legacy(description: "このオークションは終了しています、とは表示されません。残り時間 終了");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Live, observation.Status);
    }

    [Fact]
    public void Parse_StaysLive_WhenTheDescriptionBorrowsTheClosedHeaderMarkup()
    {
        var html = Legacy(description: """<div class="ClosedHeader" id="closedHeader"><div class="ClosedHeader__tag"><p>このオークションは終了しています</p></div></div>""");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.Live, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheClosedHeaderContradictsTheTimeLeft()
    {
        var html = Legacy(closedHeader: true, timeLeft: "2日");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenThePageShowsNeitherTheClosedHeaderNorTheTimeLeft()
    {
        var html = Legacy(timeLeft: null);

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReadsTheBuyNowPrice_FromTheBuyNowBlock()
    {
        var html = Legacy(buyNow: "9,800円（税 0 円）");

        var observation = Scrape(html);

        Assert.Equal(9800m, observation.BuyNowPrice);
    }

    [Theory]
    [InlineData("（税 0 円）", 1500)]
    [InlineData("（税 150 円）", 1650)]
    public void Parse_AddsTheTaxToThePrice_WhenThePageShowsTheTaxAmount(string tax, int expected)
    {
        var html = Legacy(tax: tax);

        var observation = Scrape(html);

        Assert.Equal((decimal)expected, observation.PriceIncludingTax);
    }

    [Fact]
    public void Parse_TakesTheBuyNowPriceAsThePrice_WhenOnlyTheBuyNowBlockIsShown()
    {
        var html = Legacy(buyNow: "4,980円").Replace("Price--current", "Price--unused", StringComparison.Ordinal);

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Live, 4980m, 4980m), (observation.Status, observation.Price, observation.BuyNowPrice));
    }

    [Fact]
    public void Parse_ReadsTheUnits_WhenTheAuctionHasMoreThanOne()
    {
        var html = Legacy(quantity: "3");

        var observation = Scrape(html);

        Assert.Equal(3, observation.Quantity);
    }

    [Fact]
    public void Parse_LeavesTheTaxInclusivePriceUnknown_WhenThePageDoesNotShowIt()
    {
        var html = Legacy(tax: null);

        var observation = Scrape(html);

        Assert.Equal((1500m, (decimal?)null), (observation.Price, observation.PriceIncludingTax));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheAuctionIdRowIsAnotherAuction()
    {
        var html = Legacy(closedHeader: true, auctionId: "x987654321");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("x987654321", observation.Error);
    }
}
