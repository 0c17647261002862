namespace Zaiko.Data.Listings;

/// <summary>A product's listing on a sales channel: what the rules want (desired) and what the channel last accepted (confirmed).</summary>
public sealed record Listing(
    long Id,
    long ProductId,
    string Platform,
    string? EbaySku,
    string? EbayOfferId,
    string? AmazonSellerSku,
    string? MercariProductId,
    string? MercariVariantId,
    string? ListingUrl,
    string ListingStatus,
    string Currency,
    int? DesiredQuantity,
    decimal? DesiredPrice,
    string? DesiredReason,
    DateTimeOffset? DesiredUpdatedAt,
    int? ConfirmedQuantity,
    decimal? ConfirmedPrice,
    int BufferStock,
    int? MaxQuantity,
    bool AutoSyncEnabled,
    string SyncState,
    string? HoldReason,
    string? PriceHoldReason,
    DateTimeOffset? SyncLeaseUntil,
    int SyncAttempts,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? LastReconciledAt,
    string? LastSyncError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    /// <summary>Whether the channel still has to be told something: a quantity, or a price not on hold, differs.</summary>
    public bool NeedsPush =>
        (DesiredQuantity is not null && DesiredQuantity != ConfirmedQuantity)
        || (PriceHoldReason is null && DesiredPrice is not null && DesiredPrice != ConfirmedPrice);
}
