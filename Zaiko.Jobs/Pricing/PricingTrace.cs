using System.Text.Json;

namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Every input and intermediate of a price decision, kept in the listing's desired_reason so staff can see how a
/// price came about. Values are exact (no display rounding) so the arithmetic can be redone from the trace;
/// steps not reached (because the decision was held earlier) are null.
/// </summary>
public sealed record PricingTrace
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public required DateTimeOffset DecidedAt { get; init; }

    public string? RuleScope { get; init; }

    public decimal? SourcePriceJpy { get; init; }

    public required decimal DomesticShippingJpy { get; init; }

    public required decimal InternationalShippingJpy { get; init; }

    /// <summary>Source price plus both shipping legs: what the item costs us landed.</summary>
    public decimal? SubtotalJpy { get; init; }

    public required decimal MarginPct { get; init; }

    public decimal? WithMarginJpy { get; init; }

    public required decimal ChannelFeePct { get; init; }

    public required decimal PaymentFeePct { get; init; }

    /// <summary>The price in yen once the fees are grossed up: after the channel takes its cut, the margin remains.</summary>
    public decimal? PriceJpy { get; init; }

    /// <summary>The price at which the sale covers cost and fees with no margin, in yen.</summary>
    public decimal? BreakEvenJpy { get; init; }

    public required string Currency { get; init; }

    public string? FxPair { get; init; }

    public decimal? FxRate { get; init; }

    public DateTimeOffset? FxAsOf { get; init; }

    public decimal? FxAgeHours { get; init; }

    public required decimal MaxFxAgeHours { get; init; }

    /// <summary>The price in the listing currency before rounding.</summary>
    public decimal? Converted { get; init; }

    /// <summary>The break-even price in the listing currency.</summary>
    public decimal? BreakEven { get; init; }

    public decimal? Rounded { get; init; }

    public decimal? FloorPrice { get; init; }

    public decimal? CeilingPrice { get; init; }

    public string? LimitsCurrency { get; init; }

    /// <summary>The rounded price after the floor and ceiling: the price decided.</summary>
    public decimal? Clamped { get; init; }

    public decimal? ConfirmedPrice { get; init; }

    /// <summary>The move from the confirmed price in percent; null when there is no confirmed price to compare with.</summary>
    public decimal? StepPct { get; init; }

    public required decimal MaxStepPct { get; init; }

    /// <summary>camelCase JSON for the listing's desired_reason column.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
