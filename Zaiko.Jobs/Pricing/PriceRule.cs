using Zaiko.Data.Pricing;

namespace Zaiko.Jobs.Pricing;

/// <summary>
/// What <see cref="PricingCalculator"/> prices with. Percentages are percent values (15 = 15 %); shipping is in
/// yen. <see cref="FloorPrice"/> and <see cref="CeilingPrice"/> are in <see cref="LimitsCurrency"/>, or in the
/// listing's currency when it is null.
/// </summary>
public sealed record PriceRule(
    decimal DomesticShippingJpy,
    decimal InternationalShippingJpy,
    decimal MarginPct,
    decimal ChannelFeePct,
    decimal PaymentFeePct,
    decimal? FloorPrice,
    decimal? CeilingPrice,
    decimal MaxStepPct = PriceRule.DefaultMaxStepPct,
    string? LimitsCurrency = null)
{
    public const decimal DefaultMaxStepPct = 20m;

    public static PriceRule From(PriceRuleValues values) => new(
        values.DomesticShippingJpy,
        values.InternationalShippingJpy,
        values.MarginPct,
        values.ChannelFeePct,
        values.PaymentFeePct,
        values.FloorPrice,
        values.CeilingPrice,
        values.MaxStepPct,
        values.LimitsCurrency);
}
