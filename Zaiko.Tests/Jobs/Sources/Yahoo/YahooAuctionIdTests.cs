using Zaiko.Data;
using Zaiko.Jobs.Sources.Yahoo;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

public sealed class YahooAuctionIdTests
{
    [Theory]
    [InlineData("o1202015332", "o1202015332")]
    [InlineData("w133952496", "w133952496")]
    [InlineData("1202015332", "1202015332")]
    [InlineData("133952496", "133952496")]
    [InlineData("  o1202015332\n", "o1202015332")]
    public void TryParse_AcceptsAnAuctionId(string input, string expected)
    {
        var accepted = YahooAuctionId.TryParse(input, out var auctionId);

        Assert.Equal((true, expected), (accepted, auctionId));
    }

    [Theory]
    [InlineData("O1202015332")]
    [InlineData("https://AUCTIONS.YAHOO.CO.JP/JP/AUCTION/O1202015332")]
    public void TryParse_LowerCasesTheId_WhenGivenInUpperCase(string input)
    {
        var accepted = YahooAuctionId.TryParse(input, out var auctionId);

        Assert.Equal((true, "o1202015332"), (accepted, auctionId));
    }

    [Theory]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page2.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page15.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/o1202015332/")]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/o1202015332?sc_i=shp_pc_search&ref=top#enlargeimg")]
    [InlineData("https://auctions.yahoo.co.jp:443/jp/auction/o1202015332")]
    public void TryParse_AcceptsItemUrls_OnEveryAuctionHost(string input)
    {
        var accepted = YahooAuctionId.TryParse(input, out var auctionId);

        Assert.Equal((true, "o1202015332"), (accepted, auctionId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("o12020153")]
    [InlineData("o12020153321")]
    [InlineData("ab1202015332")]
    [InlineData("o1202015332x")]
    [InlineData("o-1202015332")]
    [InlineData("１２０２０１５３３２")]
    [InlineData("http://auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("ftp://auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://example.com/jp/auction/o1202015332")]
    [InlineData("https://auctions.yahoo.co.jp.example.com/jp/auction/o1202015332")]
    [InlineData("https://evilauctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://m.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://page123.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://pagex.auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://auctions.yahoo.co.jp:8443/jp/auction/o1202015332")]
    [InlineData("https://user@auctions.yahoo.co.jp/jp/auction/o1202015332")]
    [InlineData("https://auctions.yahoo.co.jp/jp/show/qanda?aID=o1202015332")]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/o1202015332/extra")]
    [InlineData("https://auctions.yahoo.co.jp/jp/auction/")]
    [InlineData("https://auctions.yahoo.co.jp/?aid=o1202015332")]
    [InlineData("auctions.yahoo.co.jp/jp/auction/o1202015332")]
    public void TryParse_Rejects_AnythingElse(string? input)
    {
        var accepted = YahooAuctionId.TryParse(input, out var auctionId);

        Assert.Equal((false, (string?)null), (accepted, auctionId));
    }

    [Fact]
    public void Parse_ReturnsTheId_OfAnItemUrl()
    {
        var auctionId = YahooAuctionId.Parse("https://page.auctions.yahoo.co.jp/jp/auction/w133952496");

        Assert.Equal("w133952496", auctionId);
    }

    [Fact]
    public void Parse_Throws_SayingWhatIsAccepted_WhenTheInputIsNotAnAuction()
    {
        var ex = Assert.Throws<InvalidInputException>(() => YahooAuctionId.Parse("http://auctions.yahoo.co.jp/jp/auction/o1202015332"));

        Assert.Equal("auction", ex.Field);
        Assert.Contains("accepted:", ex.Reason);
        Assert.Contains("https://auctions.yahoo.co.jp/jp/auction/{id}", ex.Reason);
    }

    [Fact]
    public void ItemUrl_IsTheCanonicalHttpsUrl()
    {
        var url = YahooAuctionId.ItemUrl("O1202015332");

        Assert.Equal(new Uri("https://auctions.yahoo.co.jp/jp/auction/o1202015332"), url);
    }

    [Fact]
    public void ItemUrl_Throws_WhenGivenSomethingOtherThanAnId()
    {
        var ex = Assert.Throws<InvalidInputException>(() => YahooAuctionId.ItemUrl("https://auctions.yahoo.co.jp/jp/auction/o1202015332"));

        Assert.Equal("auction", ex.Field);
    }
}
