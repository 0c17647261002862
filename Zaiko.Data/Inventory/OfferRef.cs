namespace Zaiko.Data.Inventory;

/// <summary>What fan-out needs of an offer: ids for the job, and what a person searches the dashboard for.</summary>
public sealed record OfferRef(long Id, string SourcePlatform, string SourceProductId, string Sku);
