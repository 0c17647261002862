using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Mercari;

/// <summary>
/// Mercari Shops (GraphQL at <c>/v1/graphql</c>): the price through <c>updateProduct</c>, the stock through
/// <c>updateProductVariantStock</c> (both in one document when both change), read back with the <c>product</c>
/// query. Prices are whole yen. A GraphQL <c>errors</c> answer needs a person unless it says throttled or internal.
/// </summary>
public sealed partial class MercariClient(HttpClient http, IOptions<MercariOptions> options, ILogger<MercariClient> logger) : IChannelConnector
{
    public const string Source = "mercari";

    public static readonly OutboundPolicy Policy = new(Source,
        ["api.mercari-shops.com", "api.mercari-shops-sandbox.com"],
        ["application/json", "application/graphql-response+json"]);

    private const string PriceMutation = "price: updateProduct(input: $price) { product { id price } userErrors { field message } }";
    private const string StockMutation = "stock: updateProductVariantStock(input: $stock) { variant { id stockQuantity } userErrors { field message } }";
    private const string ProductQuery = "query ReadListing($id: ID!) { product(id: $id) { id price variants { id stockQuantity } } }";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every answer's root: GraphQL puts what was asked for under <c>data</c>.</summary>
    private static readonly JsonShape DataShape = JsonShape.Empty.Require("data", JsonKind.Object);

    /// <summary><c>product</c> is null when Mercari does not know it; when it is there, it must be whole.</summary>
    private static readonly JsonShape ProductShape = DataShape
        .Require("data.product?.id", JsonKind.String)
        .Require("data.product?.price", JsonKind.Integer)
        .Require("data.product?.variants", JsonKind.Array)
        .Require("data.product?.variants[].id", JsonKind.String)
        .Require("data.product?.variants[].stockQuantity", JsonKind.Integer);

    private static readonly string[] TransientErrorWords = ["throttl", "too_many_requests", "too many requests", "internal", "rate limit"];

    public string Platform => ChannelPlatforms.Mercari;

    public int BatchSize => 1;

    public async Task<IReadOnlyList<ChannelPushResult>> PushAsync(IReadOnlyList<ChannelUpdate> updates, CancellationToken cancellationToken)
    {
        var results = new List<ChannelPushResult>(updates.Count);
        foreach (var update in updates)
        {
            var failure = await PushOneAsync(update, cancellationToken);
            if (failure is not null)
            {
                LogPushFailed(logger, update.Listing.ListingId, failure.ErrorCode, failure.Retryable);
            }

            results.Add(failure?.ToResult(update.Listing.ListingId) ?? ChannelPushResult.Accepted(update.Listing.ListingId));
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

    /// <summary>Null when Mercari applied every value sent.</summary>
    private async Task<ChannelFailure?> PushOneAsync(ChannelUpdate update, CancellationToken cancellationToken)
    {
        var productId = update.Listing.MercariProductId;
        if (string.IsNullOrEmpty(productId))
        {
            return ChannelFailure.Rejected("the listing has no Mercari product id", "no-product-id");
        }

        var variables = new Dictionary<string, object>(StringComparer.Ordinal);
        var definitions = new List<string>();
        var mutations = new List<string>();
        if (update.Price is { } price)
        {
            if (update.Currency != "JPY" || decimal.Truncate(price) != price)
            {
                return ChannelFailure.Rejected($"Mercari Shops prices are whole yen, not {price} {update.Currency}", "invalid-price");
            }

            variables["price"] = new MercariUpdateProductInput(productId, (int)price);
            definitions.Add("$price: UpdateProductInput!");
            mutations.Add(PriceMutation);
        }

        if (update.Quantity is { } quantity)
        {
            var (variantId, variantFailure) = await VariantOfAsync(update.Listing, cancellationToken);
            if (variantFailure is not null)
            {
                return variantFailure;
            }

            variables["stock"] = new MercariUpdateStockInput(variantId!, quantity);
            definitions.Add("$stock: UpdateProductVariantStockInput!");
            mutations.Add(StockMutation);
        }

        if (mutations.Count == 0)
        {
            return null;
        }

        var document = $"mutation UpdateListing({string.Join(", ", definitions)}) {{ {string.Join(" ", mutations)} }}";
        var reply = await SendAsync(new MercariGraphQlRequest(document, variables, "UpdateListing"), cancellationToken);
        var shape = variables.Keys.Aggregate(DataShape, (mutation, alias) => mutation
            .Require($"data.{alias}.userErrors", JsonKind.Array)
            .Require($"data.{alias}.userErrors[].message", JsonKind.String));
        if (Judge(reply, shape, out MercariResponse<MercariMutationData>? answer) is { } failure)
        {
            return failure;
        }

        var userErrors = new[] { answer!.Data.Price, answer.Data.Stock }.Where(p => p is not null).SelectMany(p => p!.UserErrors).ToList();
        return userErrors.Count == 0
            ? null
            : ChannelFailure.Rejected(ChannelHttp.Shorten("Mercari Shops refused the update: " + string.Join("; ", userErrors.Select(Describe))), "user-error");
    }

    /// <summary>The variant whose stock is the listing's: the one named, else the product's only variant.</summary>
    private async Task<(string? VariantId, ChannelFailure? Failure)> VariantOfAsync(ChannelListingRef listing, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(listing.MercariVariantId))
        {
            return (listing.MercariVariantId, null);
        }

        var (product, failure) = await ReadProductAsync(listing.MercariProductId!, cancellationToken);
        return failure is not null ? (null, failure)
            : product is null ? (null, ChannelFailure.Rejected($"Mercari Shops has no product {listing.MercariProductId}", "not-found"))
            : product.Variants.Count == 1 ? (product.Variants[0].Id, null)
            : (null, ChannelFailure.Rejected($"product {product.Id} has {product.Variants.Count} variants; the listing must name one", "variant-unknown"));
    }

    private async Task<ChannelListingState> ReadOneAsync(ChannelListingRef listing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(listing.MercariProductId))
        {
            return ChannelFailure.Rejected("the listing has no Mercari product id").ToState(listing.ListingId);
        }

        var (product, failure) = await ReadProductAsync(listing.MercariProductId, cancellationToken);
        if (failure is not null)
        {
            return failure.ToState(listing.ListingId);
        }

        if (product is null)
        {
            return new ChannelListingState(listing.ListingId, false, null, null, null, null);
        }

        var variant = listing.MercariVariantId is { } variantId
            ? product.Variants.FirstOrDefault(v => v.Id == variantId)
            : product.Variants.Count == 1 ? product.Variants[0] : null;
        return variant is null
            ? ChannelFailure.Rejected($"product {product.Id} has no variant {listing.MercariVariantId ?? "(only one expected)"}").ToState(listing.ListingId)
            : new ChannelListingState(listing.ListingId, true, variant.StockQuantity, product.Price, "JPY", null);
    }

    /// <summary>The product, null when Mercari does not know it.</summary>
    private async Task<(MercariProduct? Product, ChannelFailure? Failure)> ReadProductAsync(string productId, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal) { ["id"] = productId };
        var reply = await SendAsync(new MercariGraphQlRequest(ProductQuery, variables, "ReadListing"), cancellationToken);
        return Judge(reply, ProductShape, out MercariResponse<MercariProductData>? answer) is { } failure
            ? (null, failure)
            : (answer!.Data.Product, null);
    }

    private async Task<ChannelReply> SendAsync(MercariGraphQlRequest body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/"), "v1/graphql"))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        request.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
        return await ChannelHttp.SendAsync(http, request, "Mercari Shops", cancellationToken);
    }

    /// <summary>
    /// Null when the reply is a success without GraphQL errors, of <paramref name="shape"/>, read into
    /// <paramref name="answer"/>. GraphQL errors are checked first: Mercari sends them with 200 and 4xx alike.
    /// </summary>
    private static ChannelFailure? Judge<T>(ChannelReply reply, JsonShape shape, out T? answer)
        where T : class
    {
        answer = null;
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        if (JsonShape.TryParse(reply.Body, out var root, out _) && root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var (message, code) = ChannelHttp.ErrorOf(reply.Body);
            var retryable = ChannelHttp.IsRetryableStatus(reply.Status) || SaysTransient(code) || SaysTransient(message);
            var text = $"Mercari Shops answered {code ?? "an error"}: {message ?? "(no message)"}";
            return new ChannelFailure(ChannelHttp.Shorten(text), code ?? reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryable);
        }

        if (!reply.IsSuccess)
        {
            return ChannelHttp.FromStatus(reply, "Mercari Shops");
        }

        return shape.TryRead(reply.Body, out answer, out var problem)
            ? null
            : ChannelFailure.Rejected("Mercari Shops: " + problem, "shape");
    }

    private static bool SaysTransient(string? text) =>
        text is not null && TransientErrorWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string Describe(MercariUserError error) =>
        error.Field is { Count: > 0 } field ? $"{string.Join('.', field)}: {error.Message}" : error.Message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mercari Shops listing {ListingId} was not updated ({ErrorCode}, retryable: {Retryable})")]
    private static partial void LogPushFailed(ILogger logger, long listingId, string? errorCode, bool retryable);
}
