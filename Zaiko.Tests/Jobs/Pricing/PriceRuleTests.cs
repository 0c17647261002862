using Zaiko.Data.Pricing;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class PriceRuleTests
{
    [Fact]
    public void From_CarriesEveryStoredValue()
    {
        var stored = new PriceRuleValues(800m, 2500m, 15m, 13.25m, 2.9m, 30m, 500m, "USD", 25m);

        var rule = PriceRule.From(stored);

        Assert.Equal(new PriceRule(800m, 2500m, 15m, 13.25m, 2.9m, 30m, 500m, 25m, "USD"), rule);
    }

    [Fact]
    public void Constructor_DefaultsToATwentyPercentMaxStepAndTheListingCurrency()
    {
        var rule = new PriceRule(0m, 0m, 10m, 0m, 0m, null, null);

        Assert.Equal(20m, rule.MaxStepPct);
        Assert.Null(rule.LimitsCurrency);
    }
}
