using Zaiko.Jobs.Pricing;
using static Zaiko.Tests.Jobs.Pricing.PricingExamples;

namespace Zaiko.Tests.Jobs.Pricing;

/// <summary>Floor, ceiling and max step. 10,000 yen with a 50 % margin at 0.0067 is 100.99 USD; break-even is 67.00 USD.</summary>
public sealed class PricingCalculatorLimitsTests
{
    private static PriceRule Rule(decimal? floor, decimal? ceiling, decimal maxStep = 20m) =>
        new(0m, 0m, 50m, 0m, 0m, floor, ceiling, maxStep, "USD");

    [Theory]
    [InlineData(null, null, "100.99")]
    [InlineData("50", null, "100.99")]
    [InlineData("100.99", null, "100.99")]
    [InlineData("120", null, "120")]
    [InlineData("120.50", "200", "120.50")]
    [InlineData(null, "200", "100.99")]
    [InlineData(null, "100.99", "100.99")]
    [InlineData(null, "95", "95")]
    [InlineData("90", "95", "95")]
    [InlineData(null, "60", "60")]
    public void Decide_KeepsThePriceBetweenFloorAndCeiling(string? floor, string? ceiling, string expected)
    {
        var rule = Rule(floor is null ? null : D(floor), ceiling is null ? null : D(ceiling));

        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, rule));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(D(expected), decision.Price);
        Assert.Equal(D(expected), decision.Trace.Clamped);
        Assert.Equal(100.99m, decision.Trace.Rounded);
    }

    [Fact]
    public void Decide_SaysTheFloorWasApplied_WhenThePriceIsRaisedToIt()
    {
        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, Rule(120m, null)));

        Assert.Equal("raised to floor 120.00 USD (computed 100.99 USD)", decision.Reason);
    }

    [Fact]
    public void Decide_SaysTheCeilingWasApplied_WhenThePriceIsCappedAboveCost()
    {
        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, Rule(null, 95m)));

        Assert.Equal("capped at ceiling 95.00 USD (computed 100.99 USD)", decision.Reason);
    }

    [Fact]
    public void Decide_WarnsThatSalesLoseMoney_WhenTheCeilingIsBelowCost()
    {
        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, Rule(null, 60m)));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(
            "capped at ceiling 60.00 USD (computed 100.99 USD); the ceiling is below cost 67.00 USD, so each sale loses money",
            decision.Reason);
    }

    [Theory]
    [InlineData("12000", "20", PriceOutcome.Ready, "20")]
    [InlineData("12010", "20", PriceOutcome.HeldForReview, "20.1")]
    [InlineData("13520", "20", PriceOutcome.HeldForReview, "35.2")]
    [InlineData("13520", "50", PriceOutcome.Ready, "35.2")]
    [InlineData("10000", "20", PriceOutcome.Ready, "0")]
    [InlineData("8000", "20", PriceOutcome.Ready, "-20")]
    [InlineData("7990", "20", PriceOutcome.HeldForReview, "-20.1")]
    [InlineData("4000", "20", PriceOutcome.HeldForReview, "-60")]
    [InlineData("4000", "60", PriceOutcome.Ready, "-60")]
    public void Decide_HoldsForReview_WhenThePriceMovesMoreThanTheMaxStepFromTheConfirmedPrice(
        string source, string maxStep, PriceOutcome expected, string expectedStep)
    {
        var rule = PlainRule with { MaxStepPct = D(maxStep) };

        var decision = PricingCalculator.Decide(InYen(D(source), rule, confirmedPrice: 10000m));

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(D(source), decision.Price);
        Assert.Equal(D(expectedStep), decision.Trace.StepPct);
    }

    [Fact]
    public void Decide_ExplainsTheStep_WhenHeldForReview()
    {
        var decision = PricingCalculator.Decide(InYen(13520m, confirmedPrice: 10000m));

        Assert.Equal(PriceHoldCause.MaxStepExceeded, decision.Cause);
        Assert.Equal("price would move +35.2 % (max step 20 %) from 10000 JPY to 13520 JPY", decision.Reason);
    }

    [Fact]
    public void Decide_ExplainsADownwardStep_WithItsSign()
    {
        var decision = PricingCalculator.Decide(InYen(4000m, confirmedPrice: 10000m));

        Assert.Equal("price would move -60.0 % (max step 20 %) from 10000 JPY to 4000 JPY", decision.Reason);
    }

    [Fact]
    public void Decide_MeasuresTheStepFromTheClampedPrice_AndKeepsTheFloorNote()
    {
        var decision = PricingCalculator.Decide(InUsd(10000m, 0.0067m, Rule(150m, null), confirmedPrice: 100m));

        Assert.Equal(PriceOutcome.HeldForReview, decision.Outcome);
        Assert.Equal(150m, decision.Price);
        Assert.Equal(
            "price would move +50.0 % (max step 20 %) from 100.00 USD to 150.00 USD; raised to floor 150.00 USD (computed 100.99 USD)",
            decision.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public void Decide_SkipsTheStepCheck_WhenThereIsNoConfirmedPrice(string? confirmed)
    {
        var decision = PricingCalculator.Decide(InYen(90000m, confirmedPrice: confirmed is null ? null : D(confirmed)));

        Assert.Equal(PriceOutcome.Ready, decision.Outcome);
        Assert.Equal(90000m, decision.Price);
        Assert.Null(decision.Trace.StepPct);
    }
}
