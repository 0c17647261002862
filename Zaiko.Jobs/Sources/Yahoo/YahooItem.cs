namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// What one reader found on an item page. Every value is optional: pages of different years carry different
/// fields, and a missing value must stay missing rather than become a zero.
/// </summary>
/// <param name="Closed">true when the page says the auction has ended, false when it says it is open, null when it does not say.</param>
internal sealed record YahooItem(
    string? AuctionId,
    string? Title,
    decimal? Price,
    decimal? PriceIncludingTax,
    decimal? BuyNowPrice,
    int? Quantity,
    int? Bids,
    DateTimeOffset? EndTime,
    string? Seller,
    bool? Closed)
{
    /// <summary>This item with its missing values taken from <paramref name="other"/>, a lower-priority reading of the same page.</summary>
    public YahooItem FillFrom(YahooItem other) => new(
        AuctionId ?? other.AuctionId,
        Title ?? other.Title,
        Price ?? other.Price,
        PriceIncludingTax ?? other.PriceIncludingTax,
        BuyNowPrice ?? other.BuyNowPrice,
        Quantity ?? other.Quantity,
        Bids ?? other.Bids,
        EndTime ?? other.EndTime,
        Seller ?? other.Seller,
        Closed ?? other.Closed);
}
