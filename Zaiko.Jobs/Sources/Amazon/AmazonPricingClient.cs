using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>
/// Checks Amazon offers through the SP-API Product Pricing API: up to 20 ASINs per getItemOffersBatch call (its
/// usage plan, 0.1 calls/s, makes single calls impossible at scale), a lone ASIN through getItemOffers. Every
/// operation spends tokens from its own cluster-wide bucket. Failures are observations, never exceptions.
/// </summary>
public sealed partial class AmazonPricingClient(
    HttpClient http,
    AmazonAccessTokens tokens,
    IOptions<AmazonOptions> options,
    TimeProvider timeProvider,
    ILogger<AmazonPricingClient> logger) : ISourceConnector
{
    public const string Source = "amazon";
    public const int MaxBatchSize = 20;
    public const string GetItemOffersOperation = "getItemOffers";
    public const string GetItemOffersBatchOperation = "getItemOffersBatch";

    /// <summary>Other sellers' new offers, at the prices a consumer (not a business buyer) pays.</summary>
    private const string ItemCondition = "New";
    private const string CustomerType = "Consumer";

    public static readonly OutboundPolicy Policy = new(Source,
        ["sellingpartnerapi-fe.amazon.com", "sellingpartnerapi-na.amazon.com", "sellingpartnerapi-eu.amazon.com"],
        ["application/json"]);

    public string Platform => Source;

    public int BatchSize => MaxBatchSize;

    /// <summary>Scheduled checks go through getItemOffersBatch, so its rate paces a run.</summary>
    public double RequestsPerSecond => options.Value.GetItemOffersBatch.RequestsPerSecond;

    public async Task<IReadOnlyList<SourceObservation>> CheckAsync(IReadOnlyList<string> sourceProductIds, CancellationToken cancellationToken)
    {
        var observations = new SourceObservation[sourceProductIds.Count];
        var asins = new List<(int Index, string Asin)>(sourceProductIds.Count);
        for (var i = 0; i < sourceProductIds.Count; i++)
        {
            if (AmazonAsin.TryParse(sourceProductIds[i], out var asin))
            {
                asins.Add((i, asin));
            }
            else
            {
                observations[i] = AmazonOffersReader.Failed(sourceProductIds[i], 0, timeProvider.GetUtcNow(), 0, SourceStatus.Blocked,
                    $"'{sourceProductIds[i]}' is not an ASIN ({AmazonAsin.Accepted}); the request was not sent");
            }
        }

        foreach (var chunk in asins.Chunk(MaxBatchSize))
        {
            var batch = chunk.Select(entry => entry.Asin).ToArray();
            var results = batch.Length == 1 ? await GetItemOffersAsync(batch[0], cancellationToken) : await GetItemOffersBatchAsync(batch, cancellationToken);
            for (var k = 0; k < chunk.Length; k++)
            {
                observations[chunk[k].Index] = results[k];
            }
        }

        return observations;
    }

    private Task<IReadOnlyList<SourceObservation>> GetItemOffersAsync(string asin, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri(BaseUri(settings),
            $"products/pricing/v0/items/{asin}/offers?MarketplaceId={Uri.EscapeDataString(settings.MarketplaceId)}&ItemCondition={ItemCondition}&CustomerType={CustomerType}");
        return FetchAsync([asin], settings.GetItemOffers.Rule(GetItemOffersOperation),
            () => new HttpRequestMessage(HttpMethod.Get, url),
            (status, body, fetchedAt, elapsedMs) => [AmazonOffersReader.Read(asin, status, body, fetchedAt, elapsedMs)],
            cancellationToken);
    }

    private Task<IReadOnlyList<SourceObservation>> GetItemOffersBatchAsync(string[] asins, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri(BaseUri(settings), "batches/products/pricing/v0/itemOffers");
        var json = JsonSerializer.Serialize(new ItemOffersBatchRequest(asins
            .Select(asin => new ItemOffersRequest($"/products/pricing/v0/items/{asin}/offers", "GET", settings.MarketplaceId, ItemCondition, CustomerType))
            .ToArray()));
        return FetchAsync(asins, settings.GetItemOffersBatch.Rule(GetItemOffersBatchOperation),
            () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            (status, body, fetchedAt, elapsedMs) => status == 200
                ? AmazonOffersReader.ReadBatch(asins, body, fetchedAt, elapsedMs)
                : asins.Select(asin => AmazonOffersReader.Read(asin, status, body, fetchedAt, elapsedMs)).ToArray(),
            cancellationToken);
    }

    private async Task<IReadOnlyList<SourceObservation>> FetchAsync(
        IReadOnlyList<string> asins,
        RateLimitRule rule,
        Func<HttpRequestMessage> request,
        Func<int, JsonElement, DateTimeOffset, long, IReadOnlyList<SourceObservation>> read,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await SendAsync(request, rule, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            using var json = TryParse(text);
            if (json is null && status == 200)
            {
                return Failed(asins, status, started, SourceStatus.LayoutChanged, "unexpected response shape: the body is not JSON");
            }

            var observations = read(status, json?.RootElement ?? default, timeProvider.GetUtcNow(), ElapsedMs(started));
            if (status != 200)
            {
                LogCallFailed(logger, rule.Key, asins.Count, status, observations[0].Error);
            }

            return observations;
        }
        catch (AmazonAuthenticationException ex)
        {
            return Failed(asins, ex.HttpStatus, started, ex.Status, ex.Message);
        }
        catch (Exception ex) when (OutboundFailures.IsExpected(ex, cancellationToken))
        {
            LogCallFailed(logger, rule.Key, asins.Count, 0, ex.Message);
            var status = ex is OutboundRequestRejectedException ? SourceStatus.Blocked : SourceStatus.TransientError;
            return Failed(asins, 0, started, status, Describe(ex));
        }
    }

    /// <summary>
    /// Sends with the cached access token. A token SP-API refuses (401, or its 403 "Unauthorized") may have been
    /// revoked or have expired by Amazon's clock before ours: it is renewed once and the call made again.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, RateLimitRule rule, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        var response = await SendOnceAsync(build, rule, token, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return response;
        }

        LogTokenRefused(logger, (int)response.StatusCode);
        response.Dispose();
        tokens.Invalidate(token);
        return await SendOnceAsync(build, rule, await tokens.GetAsync(cancellationToken), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, RateLimitRule rule, string token, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.TryAddWithoutValidation("x-amz-access-token", token);
        request.Options.Set(RateLimitRule.OptionKey, rule);
        return await http.SendAsync(request, cancellationToken);
    }

    private SourceObservation[] Failed(IReadOnlyList<string> asins, int httpStatus, long started, SourceStatus status, string error)
    {
        var fetchedAt = timeProvider.GetUtcNow();
        var elapsedMs = ElapsedMs(started);
        return asins.Select(asin => AmazonOffersReader.Failed(asin, httpStatus, fetchedAt, elapsedMs, status, error)).ToArray();
    }

    private static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit open: SP-API has been failing; checks pause until it recovers",
        TimeoutRejectedException or OperationCanceledException => "timed out",
        _ => ex.Message,
    };

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Uri BaseUri(AmazonOptions settings) => new(settings.SpApiBaseUrl.TrimEnd('/') + "/");

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SP-API {RateLimitKey} for {Count} ASIN(s) failed (HTTP {Status}): {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string rateLimitKey, int count, int status, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SP-API refused the access token (HTTP {Status}); renewing it once")]
    private static partial void LogTokenRefused(ILogger logger, int status);
}
