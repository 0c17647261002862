using System.Globalization;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

/// <summary>Shared starting points for pricing tests: a rule with nothing in it, a fixed clock, a fresh rate.</summary>
internal static class PricingExamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    public static readonly PriceRule PlainRule = new(0m, 0m, 0m, 0m, 0m, null, null);

    public static decimal D(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static FxRate YenTo(string currency, decimal rate, TimeSpan? age = null) =>
        new("JPY", currency, rate, Now - (age ?? TimeSpan.FromHours(3)));

    public static PricingInput InYen(decimal? sourcePriceJpy, PriceRule? rule = null, decimal? confirmedPrice = null) =>
        new(sourcePriceJpy, rule ?? PlainRule, "JPY", null, confirmedPrice, Now);

    public static PricingInput InUsd(decimal? sourcePriceJpy, decimal rate, PriceRule? rule = null, decimal? confirmedPrice = null) =>
        new(sourcePriceJpy, rule ?? PlainRule, "USD", YenTo("USD", rate), confirmedPrice, Now);
}
