namespace Zaiko.Data.Fx;

/// <summary>A row of fx_rates: 1 <see cref="BaseCurrency"/> = <see cref="Rate"/> <see cref="QuoteCurrency"/> as of <see cref="AsOf"/>.</summary>
public sealed record StoredFxRate(
    string BaseCurrency,
    string QuoteCurrency,
    decimal Rate,
    string Source,
    DateTimeOffset AsOf,
    DateTimeOffset FetchedAt);
