using Zaiko.Jobs.Pricing;
using static Zaiko.Tests.Jobs.Pricing.PricingExamples;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class PricingCalculatorHoldTests
{
    [Theory]
    [InlineData(0, 48, PriceOutcome.Ready)]
    [InlineData(47 * 3600, 48, PriceOutcome.Ready)]
    [InlineData(48 * 3600, 48, PriceOutcome.Ready)]
    [InlineData(48 * 3600 + 1, 48, PriceOutcome.Held)]
    [InlineData(72 * 3600, 48, PriceOutcome.Held)]
    [InlineData(72 * 3600, 72, PriceOutcome.Ready)]
    [InlineData(72 * 3600 + 1, 72, PriceOutcome.Held)]
    public void Decide_HoldsThePrice_WhenTheFxRateIsOlderThanTheMaximumAge(int ageSeconds, int maxAgeHours, PriceOutcome expected)
    {
        var input = new PricingInput(10000m, PlainRule, "USD", YenTo("USD", 0.0067m, TimeSpan.FromSeconds(ageSeconds)), null, Now)
        {
            MaxFxAge = TimeSpan.FromHours(maxAgeHours),
        };

        var decision = PricingCalculator.Decide(input);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == PriceOutcome.Ready ? 67.99m : null, decision.Price);
    }

    [Fact]
    public void Decide_ExplainsTheStaleRate_WhenHoldingForIt()
    {
        var input = new PricingInput(10000m, PlainRule, "USD", YenTo("USD", 0.0067m, TimeSpan.FromHours(51)), null, Now);

        var decision = PricingCalculator.Decide(input);

        Assert.Equal(PriceHoldCause.FxStale, decision.Cause);
        Assert.Equal("the JPY/USD rate as of 2026-11-26 00:00Z is 51 h old (max 48 h): price held", decision.Reason);
        Assert.Equal(51m, decision.Trace.FxAgeHours);
    }

    [Fact]
    public void Decide_AcceptsARateDatedAfterTheDecision_AsFresh()
    {
        var input = new PricingInput(10000m, PlainRule, "USD", new FxRate("JPY", "USD", 0.0067m, Now.AddMinutes(5)), null, Now);

        var decision = PricingCalculator.Decide(input);

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(-0.08m, decision.Trace.FxAgeHours);
    }

    [Fact]
    public void Decide_HoldsThePrice_WhenThereIsNoFxRateForAForeignCurrency()
    {
        var input = new PricingInput(10000m, PlainRule, "USD", null, 50m, Now);

        var decision = PricingCalculator.Decide(input);

        Assert.Equal(PriceOutcome.Held, decision.Outcome);
        Assert.Equal(PriceHoldCause.FxMissing, decision.Cause);
        Assert.Null(decision.Price);
        Assert.Equal("no JPY/USD rate: price held", decision.Reason);
    }

    [Fact]
    public void Decide_HoldsThePrice_WhenTheSourcePriceIsMissing()
    {
        var decision = PricingCalculator.Decide(InUsd(null, 0.0067m, confirmedPrice: 50m));

        Assert.Equal(PriceOutcome.Held, decision.Outcome);
        Assert.Equal(PriceHoldCause.MissingSourcePrice, decision.Cause);
        Assert.Null(decision.Price);
        Assert.Equal("no source price: price held", decision.Reason);
        Assert.Null(decision.Trace.SubtotalJpy);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Decide_HoldsThePrice_WhenTheSourcePriceIsNotPositive(string source)
    {
        var decision = PricingCalculator.Decide(InYen(D(source)));

        Assert.Equal(PriceOutcome.Held, decision.Outcome);
        Assert.Equal(PriceHoldCause.MissingSourcePrice, decision.Cause);
        Assert.Equal($"source price is {source} JPY: price held", decision.Reason);
    }

    [Theory]
    [InlineData("-1", "0", "0", "0", "0", null, null, "20", "the rule's shipping is negative")]
    [InlineData("0", "-1", "0", "0", "0", null, null, "20", "the rule's shipping is negative")]
    [InlineData("0", "0", "-100", "0", "0", null, null, "20", "the rule's margin is -100 %, which prices at or below nothing")]
    [InlineData("0", "0", "0", "60", "40", null, null, "20", "the rule's fees (60 % + 40 %) are negative or add up to 100 % or more")]
    [InlineData("0", "0", "0", "-1", "0", null, null, "20", "the rule's fees (-1 % + 0 %) are negative or add up to 100 % or more")]
    [InlineData("0", "0", "0", "0", "0", "200", "100", "20", "the rule's floor 200 is above its ceiling 100")]
    [InlineData("0", "0", "0", "0", "0", null, null, "0", "the rule's max step is 0 %; it must be positive")]
    public void Decide_HoldsThePrice_WhenTheRuleCannotPriceSafely(
        string domestic, string international, string margin, string channelFee, string paymentFee, string? floor, string? ceiling,
        string maxStep, string problem)
    {
        var rule = new PriceRule(D(domestic), D(international), D(margin), D(channelFee), D(paymentFee),
            floor is null ? null : D(floor), ceiling is null ? null : D(ceiling), D(maxStep));

        var decision = PricingCalculator.Decide(InYen(10000m, rule));

        Assert.Equal(PriceOutcome.Held, decision.Outcome);
        Assert.Equal(PriceHoldCause.InvalidRule, decision.Cause);
        Assert.Equal(problem + ": price held", decision.Reason);
    }

    [Fact]
    public void Decide_HoldsThePrice_WhenTheFloorIsInAnotherCurrency()
    {
        var rule = PlainRule with { FloorPrice = 3000m, LimitsCurrency = "JPY" };

        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, rule));

        Assert.Equal(PriceOutcome.Held, decision.Outcome);
        Assert.Equal(PriceHoldCause.LimitsCurrencyMismatch, decision.Cause);
        Assert.Equal("the rule's floor and ceiling are in JPY but the listing sells in USD: price held", decision.Reason);
    }

    [Fact]
    public void Decide_ReadsTheFloorInTheListingCurrency_WhenTheRuleNamesNoCurrency()
    {
        var rule = PlainRule with { FloorPrice = 80m };

        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, rule));

        Assert.Equal(80m, decision.Price);
    }
}
