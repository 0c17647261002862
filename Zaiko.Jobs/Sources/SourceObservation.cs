namespace Zaiko.Jobs.Sources;

/// <summary>
/// The result of one check of a source listing. Every check yields exactly one, whatever happened, so the
/// history of a listing can be audited and a layout change noticed.
/// </summary>
public sealed record SourceObservation
{
    public required SourceStatus Status { get; init; }

    /// <summary>The listing's id on the source (a Yahoo! auction id, an ASIN).</summary>
    public required string SourceProductId { get; init; }

    public string? Title { get; init; }

    /// <summary>SHA-256 of the normalised title (<see cref="Sources.TitleHash"/>); a change means a different product.</summary>
    public string? TitleHash { get; init; }

    /// <summary>Current price before tax.</summary>
    public decimal? Price { get; init; }

    public decimal? PriceIncludingTax { get; init; }

    /// <summary>Buy-now (即決) price; null when the listing has none.</summary>
    public decimal? BuyNowPrice { get; init; }

    /// <summary>ISO 4217 code of every amount above.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// Units that can still be bought: 0 when ended or gone; null when the check could not tell
    /// (blocked, transient error, unreadable page), so a failed check can never be mistaken for a stock-out.
    /// </summary>
    public int? Quantity { get; init; }

    public int? Bids { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? Seller { get; init; }

    /// <summary>One of <see cref="SourceLayouts"/>; null when no page data was read.</summary>
    public string? Layout { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public required int HttpStatus { get; init; }

    public required long ElapsedMs { get; init; }

    /// <summary>Why the check did not yield a live or ended listing.</summary>
    public string? Error { get; init; }
}
