using System.Text.Json;
using Zaiko.Jobs.Pricing;
using static Zaiko.Tests.Jobs.Pricing.PricingExamples;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class PricingTraceTests
{
    private static readonly PriceRule FullRule = new(800m, 2500m, 15m, 13.25m, 2.9m, 30m, 500m, 20m, "USD");

    private static PriceDecision DecideFullExample() => PricingCalculator.Decide(
        new PricingInput(12000m, FullRule, "USD", YenTo("USD", 0.0066m, TimeSpan.FromHours(10)), 120m, Now) { RuleScope = "rule 7 (product)" });

    [Fact]
    public void Decide_TracesEveryInputAndIntermediate_WhenThePriceIsReady()
    {
        var trace = DecideFullExample().Trace;

        Assert.Equal(Now, trace.DecidedAt);
        Assert.Equal("rule 7 (product)", trace.RuleScope);
        Assert.Equal(12000m, trace.SourcePriceJpy);
        Assert.Equal(800m, trace.DomesticShippingJpy);
        Assert.Equal(2500m, trace.InternationalShippingJpy);
        Assert.Equal(15300m, trace.SubtotalJpy);
        Assert.Equal(15m, trace.MarginPct);
        Assert.Equal(17595m, trace.WithMarginJpy);
        Assert.Equal(13.25m, trace.ChannelFeePct);
        Assert.Equal(2.9m, trace.PaymentFeePct);
        Assert.Equal(17595m / 0.8385m, trace.PriceJpy);
        Assert.Equal(15300m / 0.8385m, trace.BreakEvenJpy);
        Assert.Equal("USD", trace.Currency);
        Assert.Equal("JPY/USD", trace.FxPair);
        Assert.Equal(0.0066m, trace.FxRate);
        Assert.Equal(Now.AddHours(-10), trace.FxAsOf);
        Assert.Equal(10m, trace.FxAgeHours);
        Assert.Equal(48m, trace.MaxFxAgeHours);
        Assert.Equal(17595m / 0.8385m * 0.0066m, trace.Converted);
        Assert.Equal(15300m / 0.8385m * 0.0066m, trace.BreakEven);
        Assert.Equal(138.99m, trace.Rounded);
        Assert.Equal(30m, trace.FloorPrice);
        Assert.Equal(500m, trace.CeilingPrice);
        Assert.Equal("USD", trace.LimitsCurrency);
        Assert.Equal(138.99m, trace.Clamped);
        Assert.Equal(120m, trace.ConfirmedPrice);
        Assert.Equal(15.825m, trace.StepPct);
        Assert.Equal(20m, trace.MaxStepPct);
    }

    [Fact]
    public void ToJson_WritesCamelCaseNamesWithExactValues()
    {
        var json = DecideFullExample().Trace.ToJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(12000m, root.GetProperty("sourcePriceJpy").GetDecimal());
        Assert.Equal(15300m, root.GetProperty("subtotalJpy").GetDecimal());
        Assert.Equal(17595m / 0.8385m, root.GetProperty("priceJpy").GetDecimal());
        Assert.Equal("JPY/USD", root.GetProperty("fxPair").GetString());
        Assert.Equal(0.0066m, root.GetProperty("fxRate").GetDecimal());
        Assert.Equal(Now.AddHours(-10), root.GetProperty("fxAsOf").GetDateTimeOffset());
        Assert.Equal(138.99m, root.GetProperty("rounded").GetDecimal());
        Assert.Equal(138.99m, root.GetProperty("clamped").GetDecimal());
        Assert.Equal(15.825m, root.GetProperty("stepPct").GetDecimal());
        Assert.Equal("rule 7 (product)", root.GetProperty("ruleScope").GetString());
    }

    [Fact]
    public void ToJson_RoundTripsToAnEqualTrace()
    {
        var trace = DecideFullExample().Trace;

        var read = JsonSerializer.Deserialize<PricingTrace>(trace.ToJson(), JsonSerializerOptions.Web);

        Assert.Equal(trace, read);
    }

    [Fact]
    public void Decide_TracesTheRateButNoPrice_WhenHeldForAStaleRate()
    {
        var input = new PricingInput(12000m, FullRule, "USD", YenTo("USD", 0.0066m, TimeSpan.FromHours(49)), 120m, Now);

        var trace = PricingCalculator.Decide(input).Trace;

        Assert.Equal(15300m, trace.SubtotalJpy);
        Assert.Equal(0.0066m, trace.FxRate);
        Assert.Equal(49m, trace.FxAgeHours);
        Assert.Null(trace.Converted);
        Assert.Null(trace.Rounded);
        Assert.Null(trace.Clamped);
        Assert.Null(trace.StepPct);
    }
}
