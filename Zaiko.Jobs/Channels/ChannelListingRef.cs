namespace Zaiko.Jobs.Channels;

/// <summary>How a channel knows one of our listings: the ids that channel uses (the others are null).</summary>
public sealed record ChannelListingRef(
    long ListingId,
    string? EbaySku = null,
    string? EbayOfferId = null,
    string? AmazonSellerSku = null,
    string? MercariProductId = null,
    string? MercariVariantId = null);
