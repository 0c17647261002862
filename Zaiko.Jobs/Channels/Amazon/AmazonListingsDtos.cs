using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Channels.Amazon;

// Listings Items 2021-08-01 payloads. The API's own fields are camelCase; listing attributes are snake_case.

/// <summary>patchListingsItem body: JSON Patch operations on the listing's attributes.</summary>
internal sealed record AmazonListingsPatch(string ProductType, IReadOnlyList<AmazonPatchOperation> Patches);

/// <summary>One operation; <c>value</c> holds attribute entries of different types, serialised as what they are.</summary>
internal sealed record AmazonPatchOperation(string Op, string Path, IReadOnlyList<object> Value);

internal sealed record AmazonFulfillmentAvailability(
    [property: JsonPropertyName("fulfillment_channel_code")] string FulfillmentChannelCode,
    [property: JsonPropertyName("quantity")] int Quantity);

internal sealed record AmazonPurchasableOffer(
    [property: JsonPropertyName("marketplace_id")] string MarketplaceId,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("our_price")] IReadOnlyList<AmazonOurPrice> OurPrice);

internal sealed record AmazonOurPrice([property: JsonPropertyName("schedule")] IReadOnlyList<AmazonPriceSchedule> Schedule);

internal sealed record AmazonPriceSchedule([property: JsonPropertyName("value_with_tax")] decimal ValueWithTax);

/// <summary>patchListingsItem answer: ACCEPTED, or INVALID with the issues that explain why.</summary>
internal sealed record AmazonListingsSubmission(string Status, IReadOnlyList<AmazonListingsIssue>? Issues);

internal sealed record AmazonListingsIssue(string? Code, string Message, string? Severity);

/// <summary>The part of getListingsItem reconciliation reads; attributes stay raw, they are keyed by marketplace.</summary>
internal sealed record AmazonListingsItem(string Sku, JsonElement Attributes, IReadOnlyList<AmazonFulfillmentAvailabilityState> FulfillmentAvailability);

internal sealed record AmazonFulfillmentAvailabilityState(string FulfillmentChannelCode, int? Quantity);
