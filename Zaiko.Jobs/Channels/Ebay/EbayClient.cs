using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Ebay;

/// <summary>
/// eBay Sell Inventory: prices and quantities through <c>bulk_update_price_quantity</c> (up to 25 listings per call,
/// each outcome read separately from a 200 or 207), read back through <c>getOffer</c> and <c>getInventoryItem</c>.
/// Only the values given are sent: each revision counts against eBay's 250 per listing per day.
/// </summary>
public sealed partial class EbayClient(HttpClient http, EbayAccessTokens tokens, IOptions<EbayOptions> options, ILogger<EbayClient> logger)
    : IChannelConnector
{
    public const string Source = "ebay";

    /// <summary>eBay's limit of requests in one bulk_update_price_quantity call.</summary>
    public const int MaxRequestsPerCall = 25;

    /// <summary>eBay's "system error, try again" inside an otherwise readable answer.</summary>
    private const int SystemErrorId = 25001;

    public static readonly OutboundPolicy Policy = new(Source, ["api.ebay.com", "api.sandbox.ebay.com"], ["application/json"]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly JsonShape BulkShape = JsonShape.Empty
        .Require("responses", JsonKind.Array)
        .Require("responses[].statusCode", JsonKind.Integer)
        .Allow("responses[].offerId", JsonKind.String)
        .Allow("responses[].sku", JsonKind.String)
        .Require("responses[].errors?[].errorId", JsonKind.Integer);

    private static readonly JsonShape OfferShape = JsonShape.Empty
        .Require("sku", JsonKind.String)
        .Require("availableQuantity", JsonKind.Integer)
        .Require("pricingSummary.price.value", JsonKind.String)
        .Require("pricingSummary.price.currency", JsonKind.String);

    private static readonly JsonShape InventoryItemShape = JsonShape.Empty
        .Require("availability.shipToLocationAvailability.quantity", JsonKind.Integer);

    public string Platform => ChannelPlatforms.Ebay;

    public int BatchSize => MaxRequestsPerCall;

    public async Task<IReadOnlyList<ChannelPushResult>> PushAsync(IReadOnlyList<ChannelUpdate> updates, CancellationToken cancellationToken)
    {
        var results = new ChannelPushResult[updates.Count];
        var toSend = new List<int>();
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            if (string.IsNullOrEmpty(update.Listing.EbayOfferId))
            {
                results[i] = ChannelFailure.Rejected("the listing has no eBay offer id", "no-offer-id").ToResult(update.Listing.ListingId);
            }
            else if (update.Quantity is null && update.Price is null)
            {
                // Nothing to change: sending it would spend one of the listing's daily revisions for nothing.
                results[i] = ChannelPushResult.Accepted(update.Listing.ListingId);
            }
            else
            {
                toSend.Add(i);
            }
        }

        foreach (var call in Calls(updates, toSend))
        {
            var batch = call.Select(i => updates[i]).ToList();
            var outcomes = await PushBatchAsync(batch, cancellationToken);
            for (var j = 0; j < call.Count; j++)
            {
                results[call[j]] = outcomes[j];
            }
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

    internal static Uri Endpoint(EbayOptions options, string relative) => new(new Uri(options.ApiBaseUrl.TrimEnd('/') + "/"), relative);

    /// <summary>
    /// Splits the updates into calls of at most 25, keeping their order, and starts a new call rather than put one
    /// offer or SKU twice into the same call (eBay refuses duplicates within a call).
    /// </summary>
    private static List<List<int>> Calls(IReadOnlyList<ChannelUpdate> updates, List<int> indexes)
    {
        var calls = new List<List<int>>();
        var current = new List<int>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in indexes)
        {
            var listing = updates[index].Listing;
            string[] own = listing.EbaySku is null ? ["offer:" + listing.EbayOfferId] : ["offer:" + listing.EbayOfferId, "sku:" + listing.EbaySku];
            if (current.Count == MaxRequestsPerCall || own.Any(keys.Contains))
            {
                calls.Add(current);
                current = [];
                keys.Clear();
            }

            current.Add(index);
            keys.UnionWith(own);
        }

        if (current.Count > 0)
        {
            calls.Add(current);
        }

        return calls;
    }

    private async Task<IReadOnlyList<ChannelPushResult>> PushBatchAsync(List<ChannelUpdate> batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new EbayBulkPriceQuantity(batch.Select(ToRequest).ToList()), Json);
        var reply = await SendAuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Post, Endpoint(options.Value, "sell/inventory/v1/bulk_update_price_quantity"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, cancellationToken);
        var failure = reply.Failure
            ?? (reply.Status is not (200 or 207) ? ChannelHttp.FromStatus(reply, "eBay") : null);
        EbayBulkPriceQuantityResponse? parsed = null;
        if (failure is null && !BulkShape.TryRead(reply.Body, out parsed, out var problem))
        {
            failure = ChannelFailure.Rejected("eBay: " + problem, "shape");
        }

        if (failure is not null)
        {
            LogPushFailed(logger, batch.Count, failure.ErrorCode, failure.Retryable);
            return batch.Select(update => failure.ToResult(update.Listing.ListingId)).ToList();
        }

        return batch.Select(update => ResultOf(update, parsed!.Responses)).ToList();
    }

    private static EbayPriceQuantity ToRequest(ChannelUpdate update)
    {
        var listing = update.Listing;
        var price = update.Price is { } value ? new EbayAmount(value.ToString("0.00", CultureInfo.InvariantCulture), update.Currency) : null;
        var itemQuantity = update.Quantity is { } quantity && listing.EbaySku is not null ? new EbayShipToLocationAvailability(quantity) : null;
        return new EbayPriceQuantity([new EbayOfferPriceQuantity(listing.EbayOfferId!, update.Quantity, price)], listing.EbaySku, itemQuantity);
    }

    /// <summary>
    /// The update succeeded when its offer's outcome and, if the item quantity was sent, the item's outcome are both
    /// 200; the first failure found names the reason.
    /// </summary>
    private static ChannelPushResult ResultOf(ChannelUpdate update, IReadOnlyList<EbayPriceQuantityResponse> responses)
    {
        var listing = update.Listing;
        var offer = responses.FirstOrDefault(r => r.OfferId == listing.EbayOfferId);
        var itemSent = update.Quantity is not null && listing.EbaySku is not null;
        var item = itemSent ? responses.FirstOrDefault(r => r.OfferId is null && r.Sku == listing.EbaySku) : null;
        if (offer is null || (itemSent && item is null))
        {
            var what = offer is null ? $"offer {listing.EbayOfferId}" : $"SKU {listing.EbaySku}";
            return ChannelFailure.Rejected($"eBay: {JsonShape.Prefix}missing the outcome for {what}", "shape").ToResult(listing.ListingId);
        }

        var failed = new[] { offer, item }.FirstOrDefault(r => r is not null && r.StatusCode is < 200 or >= 300);
        if (failed is null)
        {
            return ChannelPushResult.Accepted(listing.ListingId);
        }

        var error = failed.Errors?.FirstOrDefault();
        var retryable = ChannelHttp.IsRetryableStatus(failed.StatusCode) || error?.ErrorId == SystemErrorId;
        var code = error?.ErrorId.ToString(CultureInfo.InvariantCulture) ?? failed.StatusCode.ToString(CultureInfo.InvariantCulture);
        var text = $"eBay refused {(failed == offer ? "offer " + listing.EbayOfferId : "SKU " + listing.EbaySku)}: {error?.Message ?? "HTTP " + failed.StatusCode}";
        return new ChannelPushResult(listing.ListingId, false, retryable, ChannelHttp.Shorten(text), code);
    }

    private async Task<ChannelListingState> ReadOneAsync(ChannelListingRef listing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(listing.EbayOfferId))
        {
            return ChannelFailure.Rejected("the listing has no eBay offer id").ToState(listing.ListingId);
        }

        var reply = await SendAuthorizedAsync(() => Get("sell/inventory/v1/offer/" + Uri.EscapeDataString(listing.EbayOfferId)), cancellationToken);
        if (reply.Failure is null && reply.Status == 404)
        {
            return new ChannelListingState(listing.ListingId, false, null, null, null, null);
        }

        if (Failed(reply, OfferShape, out EbayOfferResponse? offer) is { } offerFailure)
        {
            return offerFailure.ToState(listing.ListingId);
        }

        if (!decimal.TryParse(offer!.PricingSummary.Price.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
        {
            return ChannelFailure.Rejected($"eBay: {JsonShape.Prefix}pricingSummary.price.value is not a decimal").ToState(listing.ListingId);
        }

        // The listing shows the smaller of the offer's quantity and the item's ship-to-home quantity.
        var sku = listing.EbaySku ?? offer.Sku;
        var itemReply = await SendAuthorizedAsync(() => Get("sell/inventory/v1/inventory_item/" + Uri.EscapeDataString(sku)), cancellationToken);
        if (Failed(itemReply, InventoryItemShape, out EbayInventoryItemResponse? item) is { } itemFailure)
        {
            return itemFailure.ToState(listing.ListingId);
        }

        var quantity = Math.Min(offer.AvailableQuantity, item!.Availability.ShipToLocationAvailability.Quantity);
        return new ChannelListingState(listing.ListingId, true, quantity, price, offer.PricingSummary.Price.Currency, null);
    }

    /// <summary>Null when <paramref name="reply"/> is a success of <paramref name="shape"/>, read into <paramref name="value"/>.</summary>
    private static ChannelFailure? Failed<T>(ChannelReply reply, JsonShape shape, out T? value)
        where T : class
    {
        value = null;
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        if (!reply.IsSuccess)
        {
            return ChannelHttp.FromStatus(reply, "eBay");
        }

        return shape.TryRead(reply.Body, out value, out var problem) ? null : ChannelFailure.Rejected("eBay: " + problem, "shape");
    }

    private HttpRequestMessage Get(string relative) => new(HttpMethod.Get, Endpoint(options.Value, relative));

    /// <summary>Sends with the cached access token; when eBay refuses it (401), once more with a fresh one.</summary>
    private async Task<ChannelReply> SendAuthorizedAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var reply = await SendWithTokenAsync(create, cancellationToken);
        if (reply.Failure is null && reply.Status == 401)
        {
            reply = await SendWithTokenAsync(create, cancellationToken);
        }

        return reply;
    }

    private Task<ChannelReply> SendWithTokenAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        ChannelHttp.WithTokenAsync(async () =>
        {
            var token = await tokens.GetAsync(cancellationToken);
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var reply = await ChannelHttp.SendAsync(http, request, "eBay", cancellationToken);
            if (reply.Failure is null && reply.Status == 401)
            {
                tokens.Invalidate(token);
            }

            return reply;
        }, EbayAccessTokens.Endpoint, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eBay price/quantity call for {Count} listings failed ({ErrorCode}, retryable: {Retryable})")]
    private static partial void LogPushFailed(ILogger logger, int count, string? errorCode, bool retryable);
}
