namespace Zaiko.Data.Listings;

public sealed record NewListing(long ProductId, string Platform, string Currency)
{
    public string? EbaySku { get; init; }

    public string? EbayOfferId { get; init; }

    public string? AmazonSellerSku { get; init; }

    public string? MercariProductId { get; init; }

    public string? MercariVariantId { get; init; }

    public string? ListingUrl { get; init; }

    public int BufferStock { get; init; }

    public int? MaxQuantity { get; init; }

    /// <summary>What the channel shows now, when known (e.g. imported listings), so the first sync sends only real changes.</summary>
    public int? ConfirmedQuantity { get; init; }

    public decimal? ConfirmedPrice { get; init; }

    public void Validate()
    {
        if (!ChannelPlatforms.All.Contains(Platform))
        {
            throw new InvalidInputException("platform", $"'{Platform}' is not one of {string.Join(", ", ChannelPlatforms.All)}");
        }

        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidInputException("currency", "must be a three-letter ISO 4217 code such as USD or JPY");
        }

        var missing = Platform switch
        {
            ChannelPlatforms.Ebay when string.IsNullOrWhiteSpace(EbaySku) => "ebay_sku",
            ChannelPlatforms.Ebay when string.IsNullOrWhiteSpace(EbayOfferId) => "ebay_offer_id",
            ChannelPlatforms.Amazon when string.IsNullOrWhiteSpace(AmazonSellerSku) => "amazon_seller_sku",
            ChannelPlatforms.Mercari when string.IsNullOrWhiteSpace(MercariProductId) => "mercari_product_id",
            _ => null,
        };
        if (missing is not null)
        {
            throw new InvalidInputException(missing, $"is required for a {Platform} listing");
        }

        if (BufferStock < 0 || MaxQuantity < 0)
        {
            throw new InvalidInputException(BufferStock < 0 ? "buffer_stock" : "max_quantity", "cannot be negative");
        }
    }
}
