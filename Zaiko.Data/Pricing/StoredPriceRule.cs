namespace Zaiko.Data.Pricing;

/// <summary>A row of price_rules: a global rule when <see cref="ProductId"/> is null, for every platform when <see cref="Platform"/> is null.</summary>
public sealed record StoredPriceRule(
    long Id,
    long? ProductId,
    string? Platform,
    decimal DomesticShippingJpy,
    decimal InternationalShippingJpy,
    decimal MarginPct,
    decimal ChannelFeePct,
    decimal PaymentFeePct,
    decimal? FloorPrice,
    decimal? CeilingPrice,
    string? LimitsCurrency,
    decimal MaxStepPct,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public PriceRuleValues Values => new(DomesticShippingJpy, InternationalShippingJpy, MarginPct, ChannelFeePct, PaymentFeePct,
        FloorPrice, CeilingPrice, LimitsCurrency, MaxStepPct);
}
