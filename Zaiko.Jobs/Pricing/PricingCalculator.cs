using System.Globalization;

namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Listing price = (source price incl. tax + domestic + international shipping) × (1 + margin)
/// ÷ (1 − channel fee − payment fee), converted from JPY, rounded up per currency, then held within the rule's
/// floor and ceiling. A price is held when it cannot be computed safely (no source price, no or stale FX rate)
/// and held for review when it moves further from the confirmed price than the rule's max step.
/// </summary>
public static class PricingCalculator
{
    private const string Yen = "JPY";

    public static PriceDecision Decide(PricingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rule = input.Rule;
        var currency = input.Currency;
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{currency}' is not a three-letter upper-case currency code", nameof(input));
        }

        if (currency != Yen && input.Fx is { } given && (given.BaseCurrency != Yen || given.QuoteCurrency != currency))
        {
            throw new ArgumentException($"the FX rate is {given.Pair}; pricing in {currency} needs {Yen}/{currency}", nameof(input));
        }

        var trace = new PricingTrace
        {
            DecidedAt = input.Now,
            RuleScope = input.RuleScope,
            SourcePriceJpy = input.SourcePriceJpy,
            DomesticShippingJpy = rule.DomesticShippingJpy,
            InternationalShippingJpy = rule.InternationalShippingJpy,
            MarginPct = rule.MarginPct,
            ChannelFeePct = rule.ChannelFeePct,
            PaymentFeePct = rule.PaymentFeePct,
            Currency = currency,
            MaxFxAgeHours = (decimal)input.MaxFxAge.TotalHours,
            FloorPrice = rule.FloorPrice,
            CeilingPrice = rule.CeilingPrice,
            LimitsCurrency = rule.LimitsCurrency,
            ConfirmedPrice = input.ConfirmedPrice,
            MaxStepPct = rule.MaxStepPct,
        };

        if (input.SourcePriceJpy is not { } sourcePrice)
        {
            return Held(trace, PriceHoldCause.MissingSourcePrice, "no source price: price held");
        }

        if (sourcePrice <= 0m)
        {
            return Held(trace, PriceHoldCause.MissingSourcePrice, $"source price is {Money(sourcePrice, Yen)}: price held");
        }

        if (RuleProblem(rule) is { } problem)
        {
            return Held(trace, PriceHoldCause.InvalidRule, $"{problem}: price held");
        }

        if ((rule.FloorPrice is not null || rule.CeilingPrice is not null) && rule.LimitsCurrency is { } limitsCurrency && limitsCurrency != currency)
        {
            return Held(trace, PriceHoldCause.LimitsCurrencyMismatch,
                $"the rule's floor and ceiling are in {limitsCurrency} but the listing sells in {currency}: price held");
        }

        var subtotal = sourcePrice + rule.DomesticShippingJpy + rule.InternationalShippingJpy;
        var withMargin = subtotal * (1m + rule.MarginPct / 100m);
        var keptAfterFees = 1m - (rule.ChannelFeePct + rule.PaymentFeePct) / 100m;
        var priceJpy = withMargin / keptAfterFees;
        var breakEvenJpy = subtotal / keptAfterFees;
        trace = trace with { SubtotalJpy = subtotal, WithMarginJpy = withMargin, PriceJpy = priceJpy, BreakEvenJpy = breakEvenJpy };

        var converted = priceJpy;
        var breakEven = breakEvenJpy;
        if (currency != Yen)
        {
            if (input.Fx is not { } fx)
            {
                return Held(trace, PriceHoldCause.FxMissing, $"no {Yen}/{currency} rate: price held");
            }

            var age = input.Now - fx.AsOf;
            var ageHours = decimal.Round((decimal)age.TotalHours, 2);
            trace = trace with { FxPair = fx.Pair, FxRate = fx.Rate, FxAsOf = fx.AsOf, FxAgeHours = ageHours };
            if (age > input.MaxFxAge)
            {
                return Held(trace, PriceHoldCause.FxStale,
                    $"the {fx.Pair} rate as of {fx.AsOf.ToUniversalTime():yyyy-MM-dd HH:mm}Z is {Number(ageHours)} h old " +
                    $"(max {Number(trace.MaxFxAgeHours)} h): price held");
            }

            converted = FxConverter.Convert(priceJpy, fx);
            breakEven = FxConverter.Convert(breakEvenJpy, fx);
        }

        var rounded = CurrencyRounding.RoundUp(converted, currency);
        var price = rounded;
        var notes = new List<string>();
        if (rule.CeilingPrice is { } ceiling && rounded > ceiling)
        {
            price = ceiling;
            notes.Add(ceiling < breakEven
                ? $"capped at ceiling {Money(ceiling, currency)} (computed {Money(rounded, currency)}); the ceiling is below cost {Money(breakEven, currency)}, so each sale loses money"
                : $"capped at ceiling {Money(ceiling, currency)} (computed {Money(rounded, currency)})");
        }

        if (rule.FloorPrice is { } floor && rounded < floor)
        {
            price = floor;
            notes.Add($"raised to floor {Money(floor, currency)} (computed {Money(rounded, currency)})");
        }

        trace = trace with { Converted = converted, BreakEven = breakEven, Rounded = rounded, Clamped = price };

        // No confirmed price (a new listing, or one the channel reports at 0) leaves nothing to measure a step from.
        if (input.ConfirmedPrice is { } confirmed && confirmed > 0m)
        {
            var step = (price - confirmed) / confirmed * 100m;
            trace = trace with { StepPct = step };
            if (Math.Abs(step) > rule.MaxStepPct)
            {
                notes.Insert(0, $"price would move {step.ToString("+0.0#;-0.0#", CultureInfo.InvariantCulture)} % " +
                    $"(max step {Number(rule.MaxStepPct)} %) from {Money(confirmed, currency)} to {Money(price, currency)}");
                return new PriceDecision(price, currency, PriceOutcome.HeldForReview, string.Join("; ", notes), trace, PriceHoldCause.MaxStepExceeded);
            }
        }

        return new PriceDecision(price, currency, PriceOutcome.Ready, notes.Count == 0 ? null : string.Join("; ", notes), trace, PriceHoldCause.None);
    }

    // The stores refuse such rules, but a rule may also come from code: never divide by a non-positive remainder or price negative.
    private static string? RuleProblem(PriceRule rule)
    {
        if (rule.DomesticShippingJpy < 0m || rule.InternationalShippingJpy < 0m)
        {
            return "the rule's shipping is negative";
        }

        if (rule.MarginPct <= -100m)
        {
            return $"the rule's margin is {Number(rule.MarginPct)} %, which prices at or below nothing";
        }

        if (rule.ChannelFeePct < 0m || rule.PaymentFeePct < 0m || rule.ChannelFeePct + rule.PaymentFeePct >= 100m)
        {
            return $"the rule's fees ({Number(rule.ChannelFeePct)} % + {Number(rule.PaymentFeePct)} %) are negative or add up to 100 % or more";
        }

        if (rule.FloorPrice is { } floor && rule.CeilingPrice is { } ceiling && floor > ceiling)
        {
            return $"the rule's floor {Number(floor)} is above its ceiling {Number(ceiling)}";
        }

        return rule.MaxStepPct <= 0m ? $"the rule's max step is {Number(rule.MaxStepPct)} %; it must be positive" : null;
    }

    private static PriceDecision Held(PricingTrace trace, PriceHoldCause cause, string reason) =>
        new(null, trace.Currency, PriceOutcome.Held, reason, trace, cause);

    private static string Money(decimal amount, string currency) =>
        amount.ToString(currency == Yen ? "0.##" : "0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
