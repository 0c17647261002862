namespace Zaiko.Data.Pricing;

/// <summary>Where an effective price rule came from, most specific first.</summary>
public enum PriceRuleLevel
{
    ProductPlatform,
    Product,
    GlobalPlatform,
    Global,
    BuiltIn,
}
