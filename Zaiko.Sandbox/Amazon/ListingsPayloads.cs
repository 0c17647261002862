using System.Globalization;

namespace Zaiko.Sandbox.Amazon;

/// <summary>Listings Items 2021-08-01 response parts, named as in the model's getListingsItem example.</summary>
public static class ListingsPayloads
{
    public static object Summary(AmazonListing listing, string marketplaceId) => new
    {
        marketplaceId,
        asin = listing.Asin,
        productType = "PRODUCT",
        conditionType = "new_new",
        status = listing.Quantity > 0 ? new[] { "BUYABLE", "DISCOVERABLE" } : ["DISCOVERABLE"],
        itemName = listing.Title,
        createdDate = Iso(listing.CreatedAt),
        lastUpdatedDate = Iso(listing.UpdatedAt),
        mainImage = new { link = $"https://m.media-amazon.com/images/I/{listing.Asin}.jpg", height = 500, width = 500 },
    };

    public static object Offer(AmazonListing listing, string marketplaceId) => new
    {
        marketplaceId,
        offerType = "B2C",
        price = new { currencyCode = listing.Currency, amount = listing.Price.ToString("0.00", CultureInfo.InvariantCulture) },
        audience = new { value = "ALL", displayName = "Sell on Amazon" },
    };

    public static object Attributes(AmazonListing listing, string marketplaceId) => new Dictionary<string, object>
    {
        ["item_name"] = new[] { new { value = listing.Title, language_tag = "ja_JP", marketplace_id = marketplaceId } },
        ["condition_type"] = new[] { new { value = "new_new", marketplace_id = marketplaceId } },
        ["merchant_suggested_asin"] = new[] { new { value = listing.Asin, marketplace_id = marketplaceId } },
        ["purchasable_offer"] = new[]
        {
            new
            {
                currency = listing.Currency,
                our_price = new[] { new { schedule = new[] { new { value_with_tax = listing.Price } } } },
                marketplace_id = marketplaceId,
            },
        },
        ["fulfillment_availability"] = new[] { new { fulfillment_channel_code = "DEFAULT", quantity = listing.Quantity, marketplace_id = marketplaceId } },
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
