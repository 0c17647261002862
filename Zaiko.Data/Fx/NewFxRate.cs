using Zaiko.Data.Pricing;

namespace Zaiko.Data.Fx;

/// <summary>One base currency unit is worth <see cref="Rate"/> quote currency units (EUR/USD 1.0812: 1 EUR = 1.0812 USD).</summary>
public sealed record NewFxRate(string BaseCurrency, string QuoteCurrency, decimal Rate)
{
    // numeric(18,8): ten integer digits and eight decimal places.
    private const decimal MaxRate = 9_999_999_999.99999999m;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field that cannot be stored.</summary>
    public void Validate()
    {
        if (BaseCurrency is null || !PriceRuleValues.IsCurrencyCode(BaseCurrency))
        {
            throw new InvalidInputException("base_currency", $"'{BaseCurrency}' is not a three-letter upper-case ISO 4217 code");
        }

        if (QuoteCurrency is null || !PriceRuleValues.IsCurrencyCode(QuoteCurrency))
        {
            throw new InvalidInputException("quote_currency", $"'{QuoteCurrency}' is not a three-letter upper-case ISO 4217 code");
        }

        if (BaseCurrency == QuoteCurrency)
        {
            throw new InvalidInputException("quote_currency", $"{BaseCurrency}/{QuoteCurrency} converts a currency into itself");
        }

        if (Rate <= 0m)
        {
            throw new InvalidInputException("rate", $"{BaseCurrency}/{QuoteCurrency} is {Rate}; a rate must be positive");
        }

        // The column would round further places away silently, and a tiny rate could become 0.
        if (Rate > MaxRate || decimal.Round(Rate, 8) != Rate)
        {
            throw new InvalidInputException("rate", $"{BaseCurrency}/{QuoteCurrency} is {Rate}; at most 10 integer digits and 8 decimal places are stored");
        }
    }
}
