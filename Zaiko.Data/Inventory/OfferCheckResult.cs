namespace Zaiko.Data.Inventory;

/// <summary>The state of an offer after a check: every column a check may write.</summary>
public sealed record OfferCheckResult(
    long Id,
    string? Title,
    string? TitleHash,
    int? CurrentStock,
    decimal? CurrentPrice,
    decimal? PriceInclTax,
    decimal? BuyNowPrice,
    string Currency,
    int? Bids,
    DateTimeOffset? SourceEndTime,
    string UrlStatus,
    string? LayoutStatus,
    DateTimeOffset? LastVerifiedAt,
    DateTimeOffset LastCheckedAt,
    int ConsecutiveFailures,
    DateTimeOffset? GoneSuspectedAt,
    Guid? LastExecutionId,
    string? LastError,
    string UpdatedBy);
