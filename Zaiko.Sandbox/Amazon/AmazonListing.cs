namespace Zaiko.Sandbox.Amazon;

/// <summary>One of our seller's listings: what the Listings Items API reads and patches, and getPricing reports.</summary>
public sealed record AmazonListing(
    string Sku,
    string Asin,
    string Title,
    decimal Price,
    string Currency,
    int Quantity,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
