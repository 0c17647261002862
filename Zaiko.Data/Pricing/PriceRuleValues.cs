namespace Zaiko.Data.Pricing;

/// <summary>
/// The numbers of a price rule. Percentages are percent values (15 = 15 %); shipping is in yen; the floor and
/// ceiling are in <see cref="LimitsCurrency"/>, which is required as soon as either is set.
/// </summary>
public sealed record PriceRuleValues(
    decimal DomesticShippingJpy,
    decimal InternationalShippingJpy,
    decimal MarginPct,
    decimal ChannelFeePct,
    decimal PaymentFeePct,
    decimal? FloorPrice,
    decimal? CeilingPrice,
    string? LimitsCurrency,
    decimal MaxStepPct)
{
    // The largest values numeric(12,2) and numeric(6,3) hold.
    private const decimal MaxMoney = 9_999_999_999.99m;
    private const decimal MaxPercent = 999.999m;

    /// <summary>
    /// What applies when no rule is stored: the schema's column defaults, i.e. no shipping, margin or fees, no
    /// floor or ceiling, and a 20 % max step.
    /// </summary>
    public static PriceRuleValues BuiltInDefault { get; } = new(0m, 0m, 0m, 0m, 0m, null, null, null, 20m);

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field that cannot be stored.</summary>
    public void Validate()
    {
        RequireMoney("domestic_shipping_jpy", DomesticShippingJpy, allowZero: true);
        RequireMoney("international_shipping_jpy", InternationalShippingJpy, allowZero: true);

        if (MarginPct <= -100m || MarginPct > MaxPercent || !HasAtMostPlaces(MarginPct, 3))
        {
            throw new InvalidInputException("margin_pct", $"is {MarginPct}; it must be above -100 and below 1000, with at most 3 decimal places");
        }

        RequirePercent("channel_fee_pct", ChannelFeePct);
        RequirePercent("payment_fee_pct", PaymentFeePct);
        if (ChannelFeePct + PaymentFeePct >= 100m)
        {
            throw new InvalidInputException("payment_fee_pct",
                $"channel fee {ChannelFeePct} % and payment fee {PaymentFeePct} % add up to 100 % or more, which leaves nothing to price from");
        }

        if (FloorPrice is { } floor)
        {
            RequireMoney("floor_price", floor, allowZero: false);
        }

        if (CeilingPrice is { } ceiling)
        {
            RequireMoney("ceiling_price", ceiling, allowZero: false);
        }

        if (FloorPrice > CeilingPrice)
        {
            throw new InvalidInputException("floor_price", $"{FloorPrice} is above the ceiling {CeilingPrice}");
        }

        if ((FloorPrice is not null || CeilingPrice is not null) && LimitsCurrency is null)
        {
            throw new InvalidInputException("limits_currency", "is required when a floor or ceiling is set, so the limit is not read in the wrong currency");
        }

        if (LimitsCurrency is not null && !IsCurrencyCode(LimitsCurrency))
        {
            throw new InvalidInputException("limits_currency", $"'{LimitsCurrency}' is not a three-letter upper-case ISO 4217 code");
        }

        if (MaxStepPct <= 0m || MaxStepPct > MaxPercent || !HasAtMostPlaces(MaxStepPct, 3))
        {
            throw new InvalidInputException("max_step_pct", $"is {MaxStepPct}; it must be above 0 and below 1000, with at most 3 decimal places");
        }
    }

    internal static bool IsCurrencyCode(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    private static void RequireMoney(string field, decimal value, bool allowZero)
    {
        if (value < 0m || (!allowZero && value == 0m) || value > MaxMoney || !HasAtMostPlaces(value, 2))
        {
            var lowest = allowZero ? "0 or more" : "above 0";
            throw new InvalidInputException(field, $"is {value}; it must be {lowest}, at most {MaxMoney}, with at most 2 decimal places");
        }
    }

    private static void RequirePercent(string field, decimal value)
    {
        if (value < 0m || value >= 100m || !HasAtMostPlaces(value, 3))
        {
            throw new InvalidInputException(field, $"is {value}; it must be from 0 to below 100, with at most 3 decimal places");
        }
    }

    // The columns would round extra places silently; storing something other than what was entered is worse than refusing.
    private static bool HasAtMostPlaces(decimal value, int places) => decimal.Round(value, places) == value;
}
