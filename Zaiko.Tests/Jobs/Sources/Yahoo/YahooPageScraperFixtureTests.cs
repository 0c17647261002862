using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>The two real pages in the shared fixtures parse to the ground truth their README records.</summary>
[Trait("Category", "Shared")]
public sealed class YahooPageScraperFixtureTests
{
    private const string NextJsFile = "nextjs-live-o1202015332-2025.html";
    private const string BemFile = "bem-ended-2021.html";
    private const string NextJsTitle = "古雑誌グラビア（切り抜き）『サンプル写真集』◆小B６判 8ページ";
    private const string BemTitle = "安心な整備済品！ 性能、構造上新品同様に使える！ルンバ iRo...";

    private static readonly DateTimeOffset FetchedAt = new(2025, 10, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<SourceObservation> NextJs = new(() => Parse(NextJsFile, "o1202015332"));
    private static readonly Lazy<SourceObservation> Bem = new(() => Parse(BemFile, "e000000000"));

    [Fact]
    public void Parse_ReportsLive_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(SourceStatus.Live, observation.Status);
    }

    [Fact]
    public void Parse_ReadsTheLayout_AsNextData_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(SourceLayouts.NextData, observation.Layout);
    }

    [Fact]
    public void Parse_ReportsTheAuctionId_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal("o1202015332", observation.SourceProductId);
    }

    [Fact]
    public void Parse_ReadsTheFullTitle_FromNextData_NotTheTruncatedTitleTag()
    {
        var observation = NextJs.Value;

        Assert.Equal(NextJsTitle, observation.Title);
    }

    [Fact]
    public void Parse_HashesTheTitle_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(TitleHash.Compute(NextJsTitle), observation.TitleHash);
    }

    [Fact]
    public void Parse_ReadsThePriceInYen_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal((100m, "JPY"), (observation.Price, observation.Currency));
    }

    [Fact]
    public void Parse_ReadsTheQuantity_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(1, observation.Quantity);
    }

    [Fact]
    public void Parse_ReadsTheBids_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(1, observation.Bids);
    }

    [Fact]
    public void Parse_ReportsNoBuyNowPrice_WhenNoBuyNowKeyIsPresent_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Null(observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReadsTheEndTimeWithItsOffset_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal(new DateTimeOffset(2025, 10, 2, 21, 39, 11, TimeSpan.FromHours(9)), observation.EndTime);
        Assert.Equal(TimeSpan.FromHours(9), observation.EndTime!.Value.Offset);
    }

    [Fact]
    public void Parse_ReadsTheMaskedSellerName_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal("pgt********", observation.Seller);
    }

    [Fact]
    public void Parse_ReportsNoError_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Null(observation.Error);
    }

    [Fact]
    public void Parse_KeepsTheFetchFacts_ForTheNextJsPage()
    {
        var observation = NextJs.Value;

        Assert.Equal((FetchedAt, 200, 85L), (observation.FetchedAt, observation.HttpStatus, observation.ElapsedMs));
    }

    [Fact]
    public void Parse_ReportsLayoutChanged_WhenTheNextJsPageIsAnswerForAnotherAuction()
    {
        var observation = Parse(NextJsFile, "o1202015333");

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("o1202015333", observation.Error);
    }

    [Fact]
    public void Parse_ReportsEnded_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(SourceStatus.Ended, observation.Status);
    }

    [Fact]
    public void Parse_ReadsTheLayout_AsLegacyDom_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(SourceLayouts.LegacyDom, observation.Layout);
    }

    [Fact]
    public void Parse_ReportsTheAuctionId_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal("e000000000", observation.SourceProductId);
    }

    [Fact]
    public void Parse_ReadsTheTitleAsThePageShowsIt_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(BemTitle, observation.Title);
    }

    [Fact]
    public void Parse_ReadsTheCurrentPrice_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal((34840m, "JPY"), (observation.Price, observation.Currency));
    }

    [Fact]
    public void Parse_ReadsTheTaxInclusivePrice_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(38324m, observation.PriceIncludingTax);
    }

    [Fact]
    public void Parse_ReportsNoBuyNowPrice_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Null(observation.BuyNowPrice);
    }

    [Fact]
    public void Parse_ReadsTheBids_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(11, observation.Bids);
    }

    [Fact]
    public void Parse_ReportsNoStock_ForTheEndedBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(0, observation.Quantity);
    }

    [Fact]
    public void Parse_ReadsTheEndTimeAsJapanTime_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal(new DateTimeOffset(2021, 8, 28, 23, 29, 0, TimeSpan.FromHours(9)), observation.EndTime);
    }

    [Fact]
    public void Parse_ReadsTheSeller_ForTheBemPage()
    {
        var observation = Bem.Value;

        Assert.Equal("vendor001", observation.Seller);
    }

    [Fact]
    public void Parse_ReportsEnded_WhenTheBemPageComesWith404()
    {
        var observation = Parse(BemFile, "e000000000", httpStatus: 404);

        Assert.Equal(SourceStatus.Ended, observation.Status);
    }

    private static SourceObservation Parse(string file, string auctionId, int httpStatus = 200) =>
        new YahooPageScraper().Parse(auctionId, httpStatus, SharedFolder.ReadText("fixtures", "yahoo", file), FetchedAt, 85);
}
