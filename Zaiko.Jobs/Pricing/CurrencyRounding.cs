namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Rounds a computed price up to a shelf price. Always up, so the margin and the floor still hold after rounding.
/// </summary>
public static class CurrencyRounding
{
    // Two-decimal currencies whose buyers are used to prices ending in .99.
    private static readonly HashSet<string> NinetyNineCurrencies = new(StringComparer.Ordinal) { "USD", "EUR", "GBP", "AUD", "CAD" };

    /// <summary>
    /// USD, EUR, GBP, AUD, CAD: the next X.99 at or above the amount (23.40 → 23.99, 23.99 → 23.99, 24.00 → 24.99).
    /// JPY: the next multiple of 10 yen at or above. Any other currency: up to the next cent.
    /// </summary>
    public static decimal RoundUp(decimal amount, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (currency == "JPY")
        {
            return decimal.Ceiling(amount / 10m) * 10m;
        }

        if (NinetyNineCurrencies.Contains(currency))
        {
            var candidate = decimal.Floor(amount) + 0.99m;
            return candidate >= amount ? candidate : candidate + 1m;
        }

        return decimal.Ceiling(amount * 100m) / 100m;
    }
}
