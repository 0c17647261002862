using Zaiko.Data.Fx;

namespace Zaiko.Jobs.Pricing;

/// <summary>1 <see cref="BaseCurrency"/> = <see cref="Rate"/> <see cref="QuoteCurrency"/>, as published at <see cref="AsOf"/>.</summary>
public sealed record FxRate(string BaseCurrency, string QuoteCurrency, decimal Rate, DateTimeOffset AsOf)
{
    /// <summary>Market notation, base first: "JPY/USD" is US dollars per yen.</summary>
    public string Pair => $"{BaseCurrency}/{QuoteCurrency}";

    public static FxRate From(StoredFxRate stored) => new(stored.BaseCurrency, stored.QuoteCurrency, stored.Rate, stored.AsOf);
}
