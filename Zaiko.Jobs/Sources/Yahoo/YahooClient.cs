using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>Fetches Yahoo! Auctions item pages through the guarded, rate-limited client and reads them.</summary>
public sealed partial class YahooClient(HttpClient http, YahooPageScraper scraper, IOptions<YahooOptions> options, TimeProvider timeProvider, ILogger<YahooClient> logger)
    : ISourceConnector
{
    public const string Source = "yahoo";

    public static readonly OutboundPolicy Policy = new(Source,
        ["auctions.yahoo.co.jp", "page.auctions.yahoo.co.jp", "page*.auctions.yahoo.co.jp"],
        ["text/html"]);

    public string Platform => Source;

    public int BatchSize => 1;

    public double RequestsPerSecond => options.Value.RequestsPerSecond;

    public async Task<IReadOnlyList<SourceObservation>> CheckAsync(IReadOnlyList<string> sourceProductIds, CancellationToken cancellationToken)
    {
        var observations = new List<SourceObservation>(sourceProductIds.Count);
        foreach (var id in sourceProductIds)
        {
            observations.Add(await FetchAsync(id, cancellationToken));
        }

        return observations;
    }

    /// <summary>Fetches and reads one item page; <paramref name="auctionIdOrUrl"/> is an auction id or item URL.</summary>
    public async Task<SourceObservation> FetchAsync(string auctionIdOrUrl, CancellationToken cancellationToken)
    {
        var auctionId = YahooAuctionId.Parse(auctionIdOrUrl);
        var url = new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), $"jp/auction/{auctionId}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            return scraper.Parse(auctionId, (int)response.StatusCode, html, timeProvider.GetUtcNow(), ElapsedMs(started));
        }
        catch (Exception ex) when (OutboundFailures.IsExpected(ex, cancellationToken))
        {
            LogFetchFailed(logger, auctionId, ex.Message);
            return Failed(auctionId, ex, ElapsedMs(started));
        }
    }

    private SourceObservation Failed(string auctionId, Exception ex, long elapsedMs) => new()
    {
        Status = ex is OutboundRequestRejectedException ? SourceStatus.Blocked : SourceStatus.TransientError,
        SourceProductId = auctionId,
        FetchedAt = timeProvider.GetUtcNow(),
        HttpStatus = 0,
        ElapsedMs = elapsedMs,
        Error = ex switch
        {
            BrokenCircuitException => "circuit open: Yahoo! has been failing; checks pause until it recovers",
            TimeoutRejectedException or OperationCanceledException => "timed out",
            _ => ex.Message,
        },
    };

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Yahoo! item {AuctionId} could not be fetched: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string auctionId, string reason);
}
