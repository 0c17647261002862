using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class FxConverterTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = Friday.AddDays(-1);

    private static readonly FxRate EurJpy = new("EUR", "JPY", 162.35m, Friday);
    private static readonly FxRate EurUsd = new("EUR", "USD", 1.0812m, Friday);

    [Fact]
    public void Cross_DividesTheQuotes_WhenBothRatesShareTheEuroBase()
    {
        var jpyToUsd = FxConverter.Cross(EurJpy, EurUsd);

        Assert.Equal(new FxRate("JPY", "USD", 1.0812m / 162.35m, Friday), jpyToUsd);
        Assert.Equal(108.12m, decimal.Round(FxConverter.Convert(16235m, jpyToUsd), 10));
    }

    [Fact]
    public void Cross_IsAsOldAsTheOlderRate()
    {
        var jpyToUsd = FxConverter.Cross(EurJpy with { AsOf = Thursday }, EurUsd);

        Assert.Equal(Thursday, jpyToUsd.AsOf);
    }

    [Fact]
    public void Cross_Throws_WhenTheBasesDiffer()
    {
        var ex = Assert.Throws<ArgumentException>(() => FxConverter.Cross(EurJpy, new FxRate("GBP", "USD", 1.27m, Friday)));

        Assert.Contains("EUR/JPY and GBP/USD", ex.Message);
    }

    [Theory]
    [InlineData("150", "1000", "6.6666666666666666666666667")]
    [InlineData("0.5", "10", "20")]
    public void Invert_SwapsThePairAndTakesTheReciprocal(string usdToJpy, string amountJpy, string expectedUsd)
    {
        var rate = new FxRate("USD", "JPY", PricingExamples.D(usdToJpy), Friday);

        var inverted = FxConverter.Invert(rate);

        Assert.Equal("JPY/USD", inverted.Pair);
        Assert.Equal(PricingExamples.D(expectedUsd), FxConverter.Convert(PricingExamples.D(amountJpy), inverted));
        Assert.Equal(Friday, inverted.AsOf);
    }

    [Fact]
    public void Resolve_CrossesEcbRates_WhenNoDirectRateIsKnown()
    {
        var resolved = FxConverter.Resolve("JPY", "USD", [EurJpy, EurUsd, new FxRate("EUR", "GBP", 0.8512m, Friday)]);

        Assert.Equal(FxConverter.Cross(EurJpy, EurUsd), resolved);
    }

    [Fact]
    public void Resolve_PrefersTheDirectRate_WhenItIsAsFreshAsTheCross()
    {
        var direct = new FxRate("JPY", "USD", 0.0067m, Friday);

        var resolved = FxConverter.Resolve("JPY", "USD", [EurJpy, EurUsd, direct]);

        Assert.Equal(direct, resolved);
    }

    [Fact]
    public void Resolve_PrefersTheFreshestRate_WhenAManualRateIsNewerThanTheFeed()
    {
        var manual = new FxRate("USD", "JPY", 150m, Friday.AddHours(9));

        var resolved = FxConverter.Resolve("JPY", "USD", [EurJpy, EurUsd, manual]);

        Assert.Equal(FxConverter.Invert(manual), resolved);
    }

    [Fact]
    public void Resolve_PrefersTheFreshCross_WhenTheDirectRateIsOlder()
    {
        var resolved = FxConverter.Resolve("JPY", "USD", [EurJpy, EurUsd, new FxRate("JPY", "USD", 0.0067m, Thursday)]);

        Assert.Equal(FxConverter.Cross(EurJpy, EurUsd), resolved);
    }

    [Fact]
    public void Resolve_ReturnsNull_WhenNoRateLeadsToTheCurrency()
    {
        Assert.Null(FxConverter.Resolve("JPY", "AUD", [EurJpy, EurUsd]));
    }

    [Fact]
    public void Resolve_Throws_WhenBothCurrenciesAreTheSame()
    {
        Assert.Throws<ArgumentException>(() => FxConverter.Resolve("JPY", "JPY", [EurJpy]));
    }
}
