using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Amazon;

/// <summary>
/// Our Amazon seller listings (Listings Items API 2021-08-01): quantity and price set with one JSON Patch per listing
/// (<c>replace</c> of <c>fulfillment_availability</c> and <c>purchasable_offer</c>), read back with getListingsItem.
/// Each operation has its own cluster-wide rate limit, as SP-API counts them separately.
/// </summary>
public sealed partial class AmazonListingsClient(
    HttpClient http,
    LwaAccessTokens tokens,
    IOptions<AmazonListingsOptions> options,
    ILogger<AmazonListingsClient> logger) : IChannelConnector
{
    public const string Source = "amazon-listings";

    /// <summary>Merchant-fulfilled stock; FBA stock is Amazon's to count.</summary>
    private const string MerchantFulfilled = "DEFAULT";

    public static readonly OutboundPolicy Policy = new(Source,
        ["sellingpartnerapi-fe.amazon.com", "sellingpartnerapi-na.amazon.com", "sellingpartnerapi-eu.amazon.com"],
        ["application/json"]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly JsonShape SubmissionShape = JsonShape.Empty
        .Require("status", JsonKind.String)
        .Require("issues?[].message", JsonKind.String);

    private static readonly JsonShape ItemShape = JsonShape.Empty
        .Require("sku", JsonKind.String)
        .Require("attributes", JsonKind.Object)
        .Require("fulfillmentAvailability", JsonKind.Array)
        .Require("fulfillmentAvailability[].fulfillmentChannelCode", JsonKind.String)
        .Allow("fulfillmentAvailability[].quantity", JsonKind.Integer);

    private static readonly JsonShape OfferShape = JsonShape.Empty
        .Require("currency", JsonKind.String)
        .Require("our_price[0].schedule[0].value_with_tax", JsonKind.Number);

    public string Platform => ChannelPlatforms.Amazon;

    public int BatchSize => 1;

    public async Task<IReadOnlyList<ChannelPushResult>> PushAsync(IReadOnlyList<ChannelUpdate> updates, CancellationToken cancellationToken)
    {
        var results = new List<ChannelPushResult>(updates.Count);
        foreach (var update in updates)
        {
            results.Add(await PushOneAsync(update, cancellationToken));
        }

        return results;
    }

    public async Task<IReadOnlyList<ChannelListingState>> ReadAsync(IReadOnlyList<ChannelListingRef> listings, CancellationToken cancellationToken)
    {
        var states = new List<ChannelListingState>(listings.Count);
        foreach (var listing in listings)
        {
            states.Add(await ReadOneAsync(listing, cancellationToken));
        }

        return states;
    }

    private async Task<ChannelPushResult> PushOneAsync(ChannelUpdate update, CancellationToken cancellationToken)
    {
        var listingId = update.Listing.ListingId;
        if (string.IsNullOrEmpty(update.Listing.AmazonSellerSku))
        {
            return ChannelFailure.Rejected("the listing has no Amazon seller SKU", "no-sku").ToResult(listingId);
        }

        if (update.Quantity is null && update.Price is null)
        {
            return ChannelPushResult.Accepted(listingId);
        }

        var settings = options.Value;
        var body = JsonSerializer.Serialize(new AmazonListingsPatch(settings.ProductType, Patches(update, settings.MarketplaceId)), Json);
        var rule = new RateLimitRule("channel:amazon:patchListingsItem", settings.PatchPerSecond, settings.PatchBurst);
        var reply = await SendAuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Patch, ItemUri(update.Listing.AmazonSellerSku, ""))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, rule, cancellationToken);
        var failure = Judge(reply);
        if (failure is null)
        {
            return ChannelPushResult.Accepted(listingId);
        }

        LogPushFailed(logger, listingId, failure.ErrorCode, failure.Retryable);
        return failure.ToResult(listingId);
    }

    private static List<AmazonPatchOperation> Patches(ChannelUpdate update, string marketplaceId)
    {
        var patches = new List<AmazonPatchOperation>(2);
        if (update.Quantity is { } quantity)
        {
            patches.Add(new AmazonPatchOperation("replace", "/attributes/fulfillment_availability",
                [new AmazonFulfillmentAvailability(MerchantFulfilled, quantity)]));
        }

        if (update.Price is { } price)
        {
            patches.Add(new AmazonPatchOperation("replace", "/attributes/purchasable_offer",
                [new AmazonPurchasableOffer(marketplaceId, update.Currency, [new AmazonOurPrice([new AmazonPriceSchedule(price)])])]));
        }

        return patches;
    }

    /// <summary>Null when Amazon accepted the patch; INVALID carries the issues in Amazon's words.</summary>
    private static ChannelFailure? Judge(ChannelReply reply)
    {
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        if (!reply.IsSuccess)
        {
            return ChannelHttp.FromStatus(reply, "Amazon");
        }

        if (!SubmissionShape.TryRead<AmazonListingsSubmission>(reply.Body, out var submission, out var problem))
        {
            return ChannelFailure.Rejected("Amazon: " + problem, "shape");
        }

        if (submission.Status == "ACCEPTED")
        {
            return null;
        }

        var issues = submission.Issues ?? [];
        var text = issues.Count == 0
            ? $"Amazon answered {submission.Status} without issues"
            : $"Amazon answered {submission.Status}: " + string.Join("; ", issues.Select(i => i.Code is null ? i.Message : $"{i.Code} {i.Message}"));
        return ChannelFailure.Rejected(ChannelHttp.Shorten(text), issues.FirstOrDefault()?.Code ?? submission.Status);
    }

    private async Task<ChannelListingState> ReadOneAsync(ChannelListingRef listing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(listing.AmazonSellerSku))
        {
            return ChannelFailure.Rejected("the listing has no Amazon seller SKU").ToState(listing.ListingId);
        }

        var settings = options.Value;
        var rule = new RateLimitRule("channel:amazon:getListingsItem", settings.GetPerSecond, settings.GetBurst);
        var reply = await SendAuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Get,
            ItemUri(listing.AmazonSellerSku, "&includedData=attributes,fulfillmentAvailability")), rule, cancellationToken);
        if (reply.Failure is null && reply.Status == 404)
        {
            return new ChannelListingState(listing.ListingId, false, null, null, null, null);
        }

        var failure = reply.Failure ?? (reply.IsSuccess ? null : ChannelHttp.FromStatus(reply, "Amazon"));
        if (failure is not null)
        {
            return failure.ToState(listing.ListingId);
        }

        if (!ItemShape.TryRead<AmazonListingsItem>(reply.Body, out var item, out var problem))
        {
            return ChannelFailure.Rejected("Amazon: " + problem, "shape").ToState(listing.ListingId);
        }

        var merchant = item.FulfillmentAvailability.FirstOrDefault(f => f.FulfillmentChannelCode == MerchantFulfilled);
        var quantity = merchant is null ? (int?)null : merchant.Quantity ?? 0;
        var (price, currency, offerProblem) = ReadPrice(item.Attributes, settings.MarketplaceId);
        return offerProblem is null
            ? new ChannelListingState(listing.ListingId, true, quantity, price, currency, null)
            : ChannelFailure.Rejected("Amazon: " + offerProblem, "shape").ToState(listing.ListingId);
    }

    /// <summary>Our price in the marketplace, from the <c>purchasable_offer</c> entry we patch; none when the listing has no offer.</summary>
    private static (decimal? Price, string? Currency, string? Problem) ReadPrice(JsonElement attributes, string marketplaceId)
    {
        if (!attributes.TryGetProperty("purchasable_offer", out var offers) || offers.ValueKind != JsonValueKind.Array)
        {
            return (null, null, null);
        }

        var offer = offers.EnumerateArray().FirstOrDefault(o => o.ValueKind == JsonValueKind.Object
            && (!o.TryGetProperty("marketplace_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() == marketplaceId));
        if (offer.ValueKind == JsonValueKind.Undefined)
        {
            return (null, null, null);
        }

        if (OfferShape.Check(offer) is { Count: > 0 } problems)
        {
            return (null, null, JsonShape.Describe(problems) + $" in attributes.purchasable_offer of {marketplaceId}");
        }

        var price = offer.GetProperty("our_price")[0].GetProperty("schedule")[0].GetProperty("value_with_tax").GetDecimal();
        return (price, offer.GetProperty("currency").GetString(), null);
    }

    private Uri ItemUri(string sku, string extraQuery)
    {
        var settings = options.Value;
        var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(settings.SellerId)}/{Uri.EscapeDataString(sku)}"
            + $"?marketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}{extraQuery}";
        return new Uri(new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/"), path);
    }

    /// <summary>
    /// Sends with the seller's access token; when SP-API refuses it (401, or its 403 "Unauthorized" for an expired
    /// or revoked token), once more with a fresh one.
    /// </summary>
    private Task<ChannelReply> SendAuthorizedAsync(Func<HttpRequestMessage> create, RateLimitRule rule, CancellationToken cancellationToken) =>
        ChannelHttp.WithTokenAsync(
            () => tokens.SendAuthorizedAsync(options.Value.Credentials(),
                (token, ct) => SendWithTokenAsync(create, rule, token, ct), reply => reply.Status, cancellationToken),
            LwaAccessTokens.Endpoint, cancellationToken);

    private async Task<ChannelReply> SendWithTokenAsync(Func<HttpRequestMessage> create, RateLimitRule rule, string token, CancellationToken cancellationToken)
    {
        using var request = create();
        request.Headers.TryAddWithoutValidation("x-amz-access-token", token);
        request.Options.Set(RateLimitRule.OptionKey, rule);
        return await ChannelHttp.SendAsync(http, request, "Amazon", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Amazon listing {ListingId} was not updated ({ErrorCode}, retryable: {Retryable})")]
    private static partial void LogPushFailed(ILogger logger, long listingId, string? errorCode, bool retryable);
}
