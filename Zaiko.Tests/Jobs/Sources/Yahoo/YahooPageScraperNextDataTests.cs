using System.Text.Json.Nodes;
using Zaiko.Jobs.Sources;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

public sealed class YahooPageScraperNextDataTests
{
    [Fact]
    public void Parse_ReportsEveryValue_WhenTheNextJsPageIsLive()
    {
        var html = NextData(Item());

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
            Seller = "min******",
            Layout = SourceLayouts.NextData,
            FetchedAt = FetchedAt,
            HttpStatus = 200,
            ElapsedMs = ElapsedMs,
        }, observation);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("cancelled")]
    [InlineData("CLOSED")]
    public void Parse_ReportsEnded_WhenTheStatusIsNotOpen(string status)
    {
        var item = Item();
        item["status"] = status;

        var observation = Scrape(NextData(item));

        Assert.Equal(SourceStatus.Ended, observation.Status);
    }

    [Fact]
    public void Parse_ReportsNoStockButKeepsTheValues_WhenEnded()
    {
        var item = Item();
        item["status"] = "closed";

        var observation = Scrape(NextData(item));

        Assert.Equal((0, 1500m, Title, (string?)null), (observation.Quantity, observation.Price, observation.Title, observation.Error));
    }

    [Fact]
    public void Parse_PrefersBidorbuy_OverTaxinBidorbuy()
    {
        var item = Item();
        item["bidorbuy"] = 5000;
        item["taxinBidorbuy"] = 5500;

        var observation = Scrape(NextData(item));

        Assert.Equal(5000m, observation.BuyNowPrice);
    }

    [Theory]
    [InlineData("bidorbuy")]
    [InlineData("bidOrBuyPrice")]
    [InlineData("taxinBidorbuy")]
    [InlineData("taxinBidOrBuyPrice")]
    public void Parse_ReadsTheBuyNowPrice_FromEachKeyPublicParsersUse(string key)
    {
        var item = Item();
        item[key] = 7000;

        var observation = Scrape(NextData(item));

        Assert.Equal(7000m, observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReadsTheBuyNowPrice_GivenAsAString()
    {
        var item = Item();
        item["bidOrBuyPrice"] = "7,000";

        var observation = Scrape(NextData(item));

        Assert.Equal(7000m, observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_PrefersTheTaxExclusiveBuyNowPrice_LikeThePrice()
    {
        var item = Item();
        item["taxinBidOrBuyPrice"] = 7700;
        item["bidOrBuyPrice"] = 7000;

        var observation = Scrape(NextData(item));

        Assert.Equal(7000m, observation.BuyNowPrice);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000000")]
    public void Parse_SkipsABuyNowKeyOfZero_ForTheNextKey(string zero)
    {
        var item = Item();
        item["bidorbuy"] = zero;
        item["bidOrBuyPrice"] = 0;
        item["taxinBidorbuy"] = 5500;

        var observation = Scrape(NextData(item));

        Assert.Equal(5500m, observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReportsNoBuyNowPrice_WhenEveryBuyNowKeyIsZero()
    {
        var item = Item();
        item["bidorbuy"] = 0;
        item["taxinBidorbuy"] = "0";

        var observation = Scrape(NextData(item));

        Assert.Null(observation.BuyNowPrice);
    }

    [Theory]
    [InlineData("8000.000000")]
    [InlineData("0.000000")]
    public void Parse_IgnoresFeaturedPrice_WhichIsNotTheBuyNowPrice(string featuredPrice)
    {
        var item = Item();
        item["featuredPrice"] = featuredPrice;

        var observation = Scrape(NextData(item));

        Assert.Null(observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReadsTheBuyNowKey_NotFeaturedPrice_WhenBothArePresent()
    {
        var item = Item();
        item["featuredPrice"] = "300.000000";
        item["bidorbuy"] = 9000;

        var observation = Scrape(NextData(item));

        Assert.Equal(9000m, observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheCopiesDisagreeOnTheBuyNowPrice()
    {
        var other = Item();
        other["taxinBidorbuy"] = 5500;

        var observation = Scrape(NextData(Item(), other));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("disagree on buy-now price", observation.Error);
    }

    [Fact]
    public void Parse_ReadsTheTaxInclusivePrice_FromTaxinPrice()
    {
        var item = Item();
        item["taxinPrice"] = 1650;

        var observation = Scrape(NextData(item));

        Assert.Equal(1650m, observation.PriceIncludingTax);
    }

    [Fact]
    public void Parse_ReadsNumbers_GivenAsStrings()
    {
        var item = Item();
        item["price"] = "34,840円";
        item["quantity"] = "2";
        item["bids"] = "11";

        var observation = Scrape(NextData(item));

        Assert.Equal((34840m, 2, 11), (observation.Price, observation.Quantity, observation.Bids));
    }

    [Fact]
    public void Parse_ReportsEveryUnit_WhenTheAuctionHasMoreThanOne()
    {
        var item = Item();
        item["quantity"] = 5;

        var observation = Scrape(NextData(item));

        Assert.Equal((SourceStatus.Live, 5), (observation.Status, observation.Quantity));
    }

    [Fact]
    public void Parse_ReportsTheUnitsLeft_WhenAvailableQuantityIsGiven()
    {
        var item = Item();
        item["quantity"] = 5;
        item["availableQuantity"] = 2;

        var observation = Scrape(NextData(item));

        Assert.Equal(2, observation.Quantity);
    }

    [Fact]
    public void Parse_ReportsOneUnit_WhenAnOpenAuctionOmitsTheQuantity()
    {
        var item = Item();
        item.Remove("quantity");

        var observation = Scrape(NextData(item));

        Assert.Equal(1, observation.Quantity);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheTwoItemCopiesDisagree()
    {
        var other = Item();
        other["price"] = 1600;

        var observation = Scrape(NextData(Item(), other));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("disagree on price", observation.Error);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheCopiesDisagreeOnWhetherTheAuctionEnded()
    {
        var other = Item();
        other["status"] = "closed";

        var observation = Scrape(NextData(Item(), other));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReadsTheOneCopy_WhenThePageHoldsOnlyOne()
    {
        var html = NextData(pagePropsCopy: null, propsCopy: Item());

        var observation = Scrape(html);

        Assert.Equal((SourceStatus.Live, 1500m), (observation.Status, observation.Price));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenQueryAidIsAnotherAuction()
    {
        var html = NextData(Item(), aid: "x987654321");

        var observation = Scrape(html);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("query.aid", observation.Error);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheItemIsAnotherAuction()
    {
        var item = Item();
        item["auctionId"] = "x987654321";
        item["status"] = "closed";

        var observation = Scrape(NextData(item));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenNothingNamesTheAuction()
    {
        var item = Item();
        item.Remove("auctionId");

        var observation = Scrape(NextData(item, aid: null));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheStatusIsMissing()
    {
        var item = Item();
        item.Remove("status");

        var observation = Scrape(NextData(item));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenAnOpenAuctionHasNoPrice()
    {
        var item = Item();
        item.Remove("price");

        var observation = Scrape(NextData(item));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
    }

    [Fact]
    public void Parse_IgnoresTheVisibleMarkup_WhenNextDataIsPresent()
    {
        var item = Item();
        item["price"] = 2000;

        var observation = Scrape(NextData(item));

        Assert.Equal(2000m, observation.Price);
    }

    [Fact]
    public void Parse_ReadsAnEndTimeWithoutOffset_AsJapanTime()
    {
        var item = Item();
        item["endTime"] = "2026-12-01 22:00:00";

        var observation = Scrape(NextData(item));

        Assert.Equal(EndTime, observation.EndTime);
    }

    [Fact]
    public void Parse_ReadsTheSellerId_WhenTheDisplayNameIsMissing()
    {
        var item = Item();
        item["seller"] = new JsonObject { ["aucUserId"] = "seller_b" };

        var observation = Scrape(NextData(item));

        Assert.Equal("seller_b", observation.Seller);
    }
}
