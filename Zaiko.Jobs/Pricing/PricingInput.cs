namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Everything one price decision depends on. <see cref="Fx"/> converts JPY into <see cref="Currency"/>
/// (base JPY, quote the listing currency) and is not needed when the listing sells in JPY.
/// <see cref="ConfirmedPrice"/> is what the channel last accepted, in the listing currency.
/// </summary>
public sealed record PricingInput(
    decimal? SourcePriceJpy,
    PriceRule Rule,
    string Currency,
    FxRate? Fx,
    decimal? ConfirmedPrice,
    DateTimeOffset Now)
{
    public static readonly TimeSpan DefaultMaxFxAge = TimeSpan.FromHours(48);

    /// <summary>An FX rate older than this holds the price (DESIGN.md section 6).</summary>
    public TimeSpan MaxFxAge { get; init; } = DefaultMaxFxAge;

    /// <summary>Which stored rule this is, for the audit trail (e.g. "rule 7 (product+platform)").</summary>
    public string? RuleScope { get; init; }
}
