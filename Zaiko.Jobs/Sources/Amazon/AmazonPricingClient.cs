using System.Diagnostics;
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
    LwaAccessTokens tokens,
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
        var settings = options.Value;
        if (!settings.HasCredentials)
        {
            return Failed(asins, 0, started, SourceStatus.Blocked,
                $"Amazon credentials are not configured: set {AmazonOptions.Section}:ClientId, ClientSecret and RefreshToken");
        }

        try
        {
            var (status, text) = await tokens.SendAuthorizedAsync(settings.Credentials(),
                (token, ct) => SendOnceAsync(request, rule, token, ct), reply => reply.Status, cancellationToken);
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
        catch (AccessTokenException ex)
        {
            var (status, error) = TokenFailure(ex);
            return Failed(asins, ex.HttpStatus, started, status, error);
        }
        catch (Exception ex) when (OutboundFailures.IsExpected(ex, cancellationToken))
        {
            LogCallFailed(logger, rule.Key, asins.Count, 0, ex.Message);
            var status = ex is OutboundRequestRejectedException ? SourceStatus.Blocked : SourceStatus.TransientError;
            return Failed(asins, 0, started, status, Describe(ex));
        }
    }

    /// <summary>
    /// What a failed token request means for the checks: refused credentials block them until a person fixes the
    /// setting named (invalid_grant: the refresh token was revoked or mistyped; invalid_client: the app's id or
    /// secret); an LWA failure is transient; an answer without a readable token is a changed layout.
    /// </summary>
    private static (SourceStatus Status, string Error) TokenFailure(AccessTokenException ex)
    {
        if (ex.Unreadable)
        {
            return (SourceStatus.LayoutChanged, ex.Message);
        }

        if (!ex.CredentialsRefused)
        {
            return (SourceStatus.TransientError, $"{LwaAccessTokens.Endpoint} failed: {ex.Detail}; retry later");
        }

        var setting = ex.Error == "invalid_grant" ? "RefreshToken" : "ClientId and ClientSecret";
        return (SourceStatus.Blocked, $"{LwaAccessTokens.Endpoint} refused the credentials: {ex.Detail}; check {AmazonOptions.Section}:{setting}");
    }

    /// <summary>One SP-API call with <paramref name="token"/>, read to the end so a refused one can simply be sent again.</summary>
    private async Task<(int Status, string Body)> SendOnceAsync(Func<HttpRequestMessage> build, RateLimitRule rule, string token, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.TryAddWithoutValidation("x-amz-access-token", token);
        request.Options.Set(RateLimitRule.OptionKey, rule);
        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
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
}
