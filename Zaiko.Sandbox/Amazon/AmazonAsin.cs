namespace Zaiko.Sandbox.Amazon;

/// <summary>A catalogue item as other sellers offer it: what getItemOffers and getCompetitivePricing report.</summary>
public sealed record AmazonAsin(string Asin, string Title, decimal LowestPrice, string Currency, bool InStock, int OfferCount);
