namespace Zaiko.Data.Pricing;

/// <summary>The rule that prices a product on a platform, and which stored rule it is (none for the built-in default).</summary>
public sealed record EffectivePriceRule(PriceRuleLevel Level, long? RuleId, PriceRuleValues Values)
{
    /// <summary>Names the rule for an audit trail, e.g. "rule 7 (product+platform)".</summary>
    public string Describe() => Level switch
    {
        PriceRuleLevel.ProductPlatform => $"rule {RuleId} (product+platform)",
        PriceRuleLevel.Product => $"rule {RuleId} (product)",
        PriceRuleLevel.GlobalPlatform => $"rule {RuleId} (global+platform)",
        PriceRuleLevel.Global => $"rule {RuleId} (global)",
        _ => "built-in default",
    };
}
