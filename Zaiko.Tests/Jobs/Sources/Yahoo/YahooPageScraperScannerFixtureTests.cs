using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;
using static Zaiko.Tests.Jobs.Sources.Yahoo.YahooPages;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>The DOM-free scanner on the two real pages: the Next.js page skips the DOM, and both read as with the DOM alone.</summary>
[Trait("Category", "Shared")]
public sealed class YahooPageScraperScannerFixtureTests
{
    private static readonly Lazy<string> NextJs = new(() => SharedFolder.ReadText("fixtures", "yahoo", "nextjs-live-o1202015332-2025.html"));
    private static readonly Lazy<string> Bem = new(() => SharedFolder.ReadText("fixtures", "yahoo", "bem-ended-2021.html"));

    [Fact]
    public void TryScan_GivesTheDomsParts_ForTheNextJsPage()
    {
        var parts = YahooMarkupScanner.TryScan(NextJs.Value);

        YahooPageScraperScannerTests.AssertSameParts(NextJs.Value, parts);
    }

    [Fact]
    public void TryScan_LeavesTheBemPageToTheDom()
    {
        var parts = YahooMarkupScanner.TryScan(Bem.Value);

        Assert.Null(parts);
    }

    [Theory]
    [InlineData("nextjs", "o1202015332", 200)]
    [InlineData("nextjs", "o1202015332", 404)]
    [InlineData("nextjs", "o1202015333", 200)]
    [InlineData("bem", "e000000000", 200)]
    [InlineData("bem", "e000000000", 404)]
    [InlineData("bem", "e000000001", 200)]
    public void Parse_GivesTheDomsObservation_ForTheRealPages(string page, string auctionId, int httpStatus)
    {
        var html = page == "nextjs" ? NextJs.Value : Bem.Value;
        var scraper = new YahooPageScraper();

        var observation = scraper.Parse(auctionId, httpStatus, html, FetchedAt, ElapsedMs);

        Assert.Equal(scraper.ParseWithDocument(auctionId, httpStatus, html, FetchedAt, ElapsedMs), observation);
    }

    [Fact]
    public void Parse_GivesTheDomsObservation_WhenMarkupIsInsertedAnywhereInTheRealPages()
    {
        var scanned = YahooPageScraperScannerTests.AssertAgreeUnderInsertions([NextJs.Value, Bem.Value], rounds: 300, seed: 45266);

        Assert.True(scanned > 60, $"only {scanned} of 300 pages were read without the DOM");
    }
}
