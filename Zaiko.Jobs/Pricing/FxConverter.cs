namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Derives the rate between two currencies from what is published. The ECB quotes everything per 1 EUR, so
/// JPY/USD = (EUR/USD) ÷ (EUR/JPY). A derived rate is as old as the older of its inputs.
/// </summary>
public static class FxConverter
{
    public static decimal Convert(decimal amount, FxRate rate) => amount * rate.Rate;

    public static FxRate Invert(FxRate rate) =>
        new(rate.QuoteCurrency, rate.BaseCurrency, 1m / rate.Rate, rate.AsOf);

    /// <summary>From two rates on the same base (EUR/JPY and EUR/USD), the rate between their quotes (JPY/USD).</summary>
    public static FxRate Cross(FxRate baseToFrom, FxRate baseToTo)
    {
        if (baseToFrom.BaseCurrency != baseToTo.BaseCurrency)
        {
            throw new ArgumentException(
                $"a cross rate needs two rates on the same base; got {baseToFrom.Pair} and {baseToTo.Pair}", nameof(baseToTo));
        }

        var asOf = baseToFrom.AsOf < baseToTo.AsOf ? baseToFrom.AsOf : baseToTo.AsOf;
        return new FxRate(baseToFrom.QuoteCurrency, baseToTo.QuoteCurrency, baseToTo.Rate / baseToFrom.Rate, asOf);
    }

    /// <summary>
    /// The freshest rate from <paramref name="from"/> to <paramref name="to"/> obtainable from
    /// <paramref name="rates"/>: the pair itself, its inverse, or a cross through a shared base (the ECB's EUR).
    /// On equal dates a direct rate beats an inverse, and an inverse beats a cross. Null when none can be had.
    /// </summary>
    public static FxRate? Resolve(string from, string to, IEnumerable<FxRate> rates)
    {
        if (from == to)
        {
            throw new ArgumentException($"{from} needs no conversion into itself", nameof(to));
        }

        var known = rates.ToList();
        var direct = known.Where(rate => rate.BaseCurrency == from && rate.QuoteCurrency == to);
        var inverse = known.Where(rate => rate.BaseCurrency == to && rate.QuoteCurrency == from).Select(Invert);
        var cross = known
            .Where(baseToFrom => baseToFrom.QuoteCurrency == from)
            .SelectMany(baseToFrom => known
                .Where(baseToTo => baseToTo.QuoteCurrency == to && baseToTo.BaseCurrency == baseToFrom.BaseCurrency)
                .Select(baseToTo => Cross(baseToFrom, baseToTo)));
        return direct.Concat(inverse).Concat(cross).MaxBy(rate => rate.AsOf);
    }
}
