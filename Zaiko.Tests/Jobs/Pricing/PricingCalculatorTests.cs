using Zaiko.Jobs.Pricing;
using static Zaiko.Tests.Jobs.Pricing.PricingExamples;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class PricingCalculatorTests
{
    [Theory]
    [InlineData("10000", "0", "0", "0", "0", "0", "10000")]
    [InlineData("10000", "500", "1500", "0", "0", "0", "12000")]
    [InlineData("10000", "0", "0", "15", "0", "0", "11500")]
    [InlineData("10000", "0", "0", "-10", "0", "0", "9000")]
    [InlineData("3000", "0", "0", "100", "0", "0", "6000")]
    [InlineData("10000", "0", "0", "0", "10", "0", "11120")]
    [InlineData("10000", "0", "0", "0", "0", "3.6", "10380")]
    [InlineData("10000", "0", "0", "0", "10", "10", "12500")]
    [InlineData("10000", "800", "2500", "15", "13.25", "2.9", "18250")]
    [InlineData("12000", "800", "2500", "15", "13.25", "2.9", "20990")]
    [InlineData("5000", "0", "2000", "20", "15", "0", "9890")]
    [InlineData("1234", "0", "0", "0", "0", "0", "1240")]
    public void Decide_AppliesShippingMarginAndFees_WhenSellingInYen(
        string source, string domestic, string international, string margin, string channelFee, string paymentFee, string expected)
    {
        var rule = new PriceRule(D(domestic), D(international), D(margin), D(channelFee), D(paymentFee), null, null);

        var decision = PricingCalculator.Decide(InYen(D(source), rule));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(D(expected), decision.Price);
        Assert.Equal("JPY", decision.Currency);
        Assert.Null(decision.Reason);
    }

    [Theory]
    [InlineData("10000", "0", "0", "0", "0", "0", "0.0067", "67.99")]
    [InlineData("10000", "0", "0", "0", "0", "0", "0.00665968", "66.99")]
    [InlineData("100", "0", "0", "0", "0", "0", "0.0067", "0.99")]
    [InlineData("12000", "800", "2500", "15", "13.25", "2.9", "0.0066", "138.99")]
    [InlineData("12000", "800", "2500", "0", "0", "0", "0.0066", "100.99")]
    public void Decide_ConvertsFromYenAndRoundsToNinetyNine_WhenSellingInUsd(
        string source, string domestic, string international, string margin, string channelFee, string paymentFee, string rate, string expected)
    {
        var rule = new PriceRule(D(domestic), D(international), D(margin), D(channelFee), D(paymentFee), null, null);

        var decision = PricingCalculator.Decide(InUsd(D(source), D(rate), rule));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(D(expected), decision.Price);
        Assert.Equal("USD", decision.Currency);
    }

    [Theory]
    [InlineData("EUR", "0.00615", "61.99")]
    [InlineData("GBP", "0.005234", "52.99")]
    [InlineData("AUD", "0.0101", "101.99")]
    [InlineData("CHF", "0.005834", "58.34")]
    [InlineData("KRW", "9.1234", "91234.00")]
    public void Decide_RoundsPerTargetCurrency(string currency, string rate, string expected)
    {
        var input = new PricingInput(10000m, PlainRule, currency, YenTo(currency, D(rate)), null, Now);

        var decision = PricingCalculator.Decide(input);

        Assert.Equal(D(expected), decision.Price);
    }

    [Fact]
    public void Decide_PricesWithTheEcbCrossRate_WhenGivenJpyUsdDerivedFromEurRates()
    {
        var asOf = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var jpyToUsd = FxConverter.Cross(new FxRate("EUR", "JPY", 162.35m, asOf), new FxRate("EUR", "USD", 1.0812m, asOf));
        var rule = new PriceRule(800m, 2500m, 15m, 13.25m, 2.9m, null, null);

        var decision = PricingCalculator.Decide(new PricingInput(12000m, rule, "USD", jpyToUsd, null, Now));

        Assert.Equal(139.99m, decision.Price);
        Assert.Equal(139.7461810075958m, decimal.Round(decision.Trace.Converted!.Value, 13));
    }

    [Fact]
    public void Decide_NeedsNoFxRate_WhenSellingInYen()
    {
        var decision = PricingCalculator.Decide(InYen(4321m));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(4330m, decision.Price);
        Assert.Null(decision.Trace.FxPair);
        Assert.Null(decision.Trace.FxRate);
    }

    [Fact]
    public void Decide_Throws_WhenTheFxRateIsForAnotherPair()
    {
        var input = new PricingInput(10000m, PlainRule, "USD", YenTo("EUR", 0.0061m), null, Now);

        var ex = Assert.Throws<ArgumentException>(() => PricingCalculator.Decide(input));

        Assert.Contains("JPY/EUR", ex.Message);
        Assert.Contains("needs JPY/USD", ex.Message);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("")]
    public void Decide_Throws_WhenTheCurrencyIsNotACode(string currency)
    {
        var input = new PricingInput(10000m, PlainRule, currency, null, null, Now);

        Assert.Throws<ArgumentException>(() => PricingCalculator.Decide(input));
    }
}
