using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources;

/// <summary>
/// A source of offers (Yahoo! Auctions, Amazon), serving the <c>source_platform</c> of its <see cref="IConnector.Platform"/>.
/// Every offer asked about yields exactly one observation, in the same order; expected failures (timeouts, throttling,
/// blocks, odd responses) are observations, not exceptions. Only cancellation throws.
/// </summary>
public interface ISourceConnector : IConnector
{
    /// <summary>How many offers one call checks at most (1 for page scrapers, 20 for Amazon's batch API).</summary>
    int BatchSize { get; }

    /// <summary>Requests per second this connector may make across the cluster, to estimate how long a run takes.</summary>
    double RequestsPerSecond { get; }

    Task<IReadOnlyList<SourceObservation>> CheckAsync(IReadOnlyList<string> sourceProductIds, CancellationToken cancellationToken);
}
