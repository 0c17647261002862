using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>Body of getItemOffersBatch: one getItemOffers request per ASIN (1–20). Field names as SP-API spells them.</summary>
internal sealed record ItemOffersBatchRequest([property: JsonPropertyName("requests")] IReadOnlyList<ItemOffersRequest> Requests);

internal sealed record ItemOffersRequest(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("MarketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("ItemCondition")] string ItemCondition,
    [property: JsonPropertyName("CustomerType")] string CustomerType);
