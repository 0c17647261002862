using Zaiko.Data.Pricing;

namespace Zaiko.Tests.Data;

public sealed class EffectivePriceRuleTests
{
    [Theory]
    [InlineData(PriceRuleLevel.ProductPlatform, 7L, "rule 7 (product+platform)")]
    [InlineData(PriceRuleLevel.Product, 8L, "rule 8 (product)")]
    [InlineData(PriceRuleLevel.GlobalPlatform, 9L, "rule 9 (global+platform)")]
    [InlineData(PriceRuleLevel.Global, 1L, "rule 1 (global)")]
    [InlineData(PriceRuleLevel.BuiltIn, null, "built-in default")]
    public void Describe_NamesTheRuleAndItsScope(PriceRuleLevel level, long? ruleId, string expected)
    {
        var rule = new EffectivePriceRule(level, ruleId, PriceRuleValues.BuiltInDefault);

        Assert.Equal(expected, rule.Describe());
    }
}
