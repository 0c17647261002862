namespace Zaiko.Data.Alerts;

/// <summary>A listing waiting for a person: held whole (<see cref="PriceOnly"/> false) or only its price.</summary>
public sealed record HeldListing(long ListingId, long ProductId, string Sku, string Title, string Platform, string Reason, bool PriceOnly);
