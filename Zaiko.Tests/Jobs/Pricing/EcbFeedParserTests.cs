using System.Text;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class EcbFeedParserTests
{
    private static readonly string[] Required = ["USD", "JPY"];

    private static readonly DateTimeOffset FeedDate = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private const string DailyFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
            <gesmes:subject>Reference rates</gesmes:subject>
            <gesmes:Sender>
                <gesmes:name>European Central Bank</gesmes:name>
            </gesmes:Sender>
            <Cube>
                <Cube time='2026-11-27'>
                    <Cube currency='USD' rate='1.0812'/>
                    <Cube currency='JPY' rate='162.35'/>
                    <Cube currency='GBP' rate='0.85120'/>
                    <Cube currency='KRW' rate='1478.93'/>
                </Cube>
            </Cube>
        </gesmes:Envelope>
        """;

    private static string Feed(string rates, string time = "2026-11-27") => $"""
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
            <Cube><Cube time="{time}">{rates}</Cube></Cube>
        </gesmes:Envelope>
        """;

    [Fact]
    public void Parse_ReadsEveryRatePerEuro_WithTheFeedDate()
    {
        var rates = EcbFeedParser.Parse(DailyFeed, Required);

        Assert.Equal(
            [
                new FxRate("EUR", "USD", 1.0812m, FeedDate),
                new FxRate("EUR", "JPY", 162.35m, FeedDate),
                new FxRate("EUR", "GBP", 0.85120m, FeedDate),
                new FxRate("EUR", "KRW", 1478.93m, FeedDate),
            ],
            rates);
    }

    [Fact]
    public void Parse_ReadsAStream_LikeAString()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(DailyFeed));

        var rates = EcbFeedParser.Parse(stream, Required);

        Assert.Equal(EcbFeedParser.Parse(DailyFeed, Required), rates);
    }

    [Fact]
    public void Parse_AcceptsAFeedWithoutNamespaces()
    {
        var rates = EcbFeedParser.Parse("<Envelope><Cube><Cube time=\"2026-11-27\"><Cube currency=\"USD\" rate=\"1.0812\"/><Cube currency=\"JPY\" rate=\"162.35\"/></Cube></Cube></Envelope>", Required);

        Assert.Equal(2, rates.Count);
    }

    [Theory]
    [InlineData("", "the FX feed is not well-formed XML")]
    [InlineData("<html><body>Service Unavailable</body>", "the FX feed is not well-formed XML")]
    [InlineData("<Envelope><Cube></Cube></Envelope>", "the FX feed has no <Cube time=\"YYYY-MM-DD\"> element")]
    [InlineData("<Envelope><Cube><Cube time=\"2026-11-26\"/><Cube time=\"2026-11-27\"/></Cube></Envelope>",
        "the FX feed has 2 <Cube time=…> elements; a daily feed has exactly one")]
    public void Parse_NamesTheProblem_WhenTheFeedIsNotADailyFeed(string xml, string expected)
    {
        var ex = Assert.Throws<EcbFeedException>(() => EcbFeedParser.Parse(xml, Required));

        Assert.StartsWith(expected, ex.Message);
    }

    [Theory]
    [InlineData("<Cube currency='USD' rate='1.08'/><Cube currency='JPY' rate='162.35'/>", "27.11.2026",
        "the FX feed date '27.11.2026' is not a date of the form YYYY-MM-DD")]
    [InlineData("<Cube currency='USD' rate='1.08'/>", "2026-11-27", "the FX feed of 2026-11-27 has no rate for JPY")]
    [InlineData("<Cube currency='GBP' rate='0.85'/>", "2026-11-27", "the FX feed of 2026-11-27 has no rate for USD, JPY")]
    [InlineData("<Cube currency='USD' rate='0'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "the FX feed's USD rate is 0; a rate must be positive")]
    [InlineData("<Cube currency='USD' rate='1.08'/><Cube currency='JPY' rate='-162.35'/>", "2026-11-27",
        "the FX feed's JPY rate is -162.35; a rate must be positive")]
    [InlineData("<Cube currency='USD' rate='1,0812'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "the FX feed's USD rate '1,0812' is not a decimal number")]
    [InlineData("<Cube currency='USD' rate='1e3'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "the FX feed's USD rate '1e3' is not a decimal number")]
    [InlineData("<Cube currency='USD'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27", "the FX feed's USD entry has no rate")]
    [InlineData("<Cube rate='1.08'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "a rate in the FX feed has currency '', which is not a three-letter upper-case code")]
    [InlineData("<Cube currency='usd' rate='1.08'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "a rate in the FX feed has currency 'usd', which is not a three-letter upper-case code")]
    [InlineData("<Cube currency='USD' rate='1.08'/><Cube currency='USD' rate='1.09'/><Cube currency='JPY' rate='162.35'/>", "2026-11-27",
        "the FX feed lists USD more than once")]
    public void Parse_NamesTheProblem_WhenARateOrTheDateIsWrong(string rates, string time, string expected)
    {
        var ex = Assert.Throws<EcbFeedException>(() => EcbFeedParser.Parse(Feed(rates, time), Required));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Parse_RefusesADocumentTypeDefinition_SoNoEntityIsExpanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Envelope [<!ENTITY rate SYSTEM "file:///etc/hostname">]>
            <Envelope><Cube><Cube time="2026-11-27"><Cube currency="USD" rate="&rate;"/></Cube></Cube></Envelope>
            """;

        var ex = Assert.Throws<EcbFeedException>(() => EcbFeedParser.Parse(xml, Required));

        Assert.StartsWith("the FX feed is not well-formed XML", ex.Message);
    }

    [Fact]
    public void Parse_AcceptsAnyCurrencies_WhenNoneAreRequired()
    {
        var rates = EcbFeedParser.Parse(Feed("<Cube currency='CHF' rate='0.9312'/>"), []);

        Assert.Equal([new FxRate("EUR", "CHF", 0.9312m, FeedDate)], rates);
    }
}
