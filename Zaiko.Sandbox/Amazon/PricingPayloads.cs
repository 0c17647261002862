using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Amazon;

/// <summary>
/// Product Pricing v0 payloads built from an ASIN's state, with the field names of the models' examples. Other
/// sellers' offers are derived from the ASIN (lowest price first, then a few percent apart), so they are stable.
/// </summary>
public static class PricingPayloads
{
    private const int MaxOffersShown = 20;

    public static object Money(string currency, decimal amount) => new { CurrencyCode = currency, Amount = amount };

    public static object ItemOffers(AmazonAsin asin, string marketplaceId, string itemCondition)
    {
        var offers = Offers(asin, itemCondition);
        var channels = offers.GroupBy(o => o.Fba).OrderBy(g => g.Key).ToList();
        var total = offers.Count == 0 ? 0 : asin.OfferCount;
        var zero = Money(asin.Currency, 0);
        return new
        {
            ASIN = asin.Asin,
            status = "Success",
            ItemCondition = itemCondition,
            Identifier = new { MarketplaceId = marketplaceId, ItemCondition = itemCondition, ASIN = asin.Asin },
            Summary = new
            {
                LowestPrices = channels.Select(g => new
                {
                    condition = "new",
                    fulfillmentChannel = Channel(g.Key),
                    LandedPrice = Money(asin.Currency, g.Min(o => o.Price)),
                    ListingPrice = Money(asin.Currency, g.Min(o => o.Price)),
                    Shipping = zero,
                }).ToList(),
                BuyBoxPrices = offers.Take(1).Select(o => new
                {
                    condition = "new",
                    LandedPrice = Money(asin.Currency, o.Price),
                    ListingPrice = Money(asin.Currency, o.Price),
                    Shipping = zero,
                }).ToList(),
                NumberOfOffers = channels.Select(g => new { condition = "new", fulfillmentChannel = Channel(g.Key), OfferCount = CountFor(asin, g.Key) }).ToList(),
                BuyBoxEligibleOffers = channels.Select(g => new { condition = "new", fulfillmentChannel = Channel(g.Key), OfferCount = CountFor(asin, g.Key) }).ToList(),
                SalesRankings = SalesRankings(asin),
                ListPrice = Money(asin.Currency, asin.Currency == "JPY" ? Math.Round(asin.LowestPrice * 1.2m, 0) : Math.Round(asin.LowestPrice * 1.2m, 2)),
                TotalOfferCount = total,
            },
            Offers = offers.Select((o, i) => new
            {
                Shipping = zero,
                ListingPrice = Money(asin.Currency, o.Price),
                ShippingTime = new { maximumHours = 48, minimumHours = 24, availabilityType = "NOW" },
                SellerFeedbackRating = new { FeedbackCount = StableHash.Between(o.SellerId, 1, 10, 20000), SellerPositiveFeedbackRating = 98.0 },
                ShipsFrom = new { State = "Tokyo", Country = "JP" },
                PrimeInformation = new { IsPrime = o.Fba, IsNationalPrime = o.Fba },
                SubCondition = "new",
                IsFeaturedMerchant = true,
                SellerId = o.SellerId,
                IsBuyBoxWinner = i == 0,
                IsFulfilledByAmazon = o.Fba,
            }).ToList(),
            marketplaceId,
        };
    }

    public static object CompetitivePricing(AmazonAsin asin, string marketplaceId, object skuIdentifier)
    {
        var offers = Offers(asin, "New");
        return new
        {
            Identifiers = new { MarketplaceASIN = new { MarketplaceId = marketplaceId, ASIN = asin.Asin }, SKUIdentifier = skuIdentifier },
            CompetitivePricing = new
            {
                CompetitivePrices = offers.Take(1).Select(o => new
                {
                    CompetitivePriceId = "1",
                    Price = new
                    {
                        LandedPrice = Money(asin.Currency, o.Price),
                        ListingPrice = Money(asin.Currency, o.Price),
                        Shipping = Money(asin.Currency, 0),
                        Points = new { PointsNumber = (int)(o.Price / 100), PointsMonetaryValue = Money(asin.Currency, Math.Floor(o.Price / 100)) },
                    },
                    condition = "new",
                    belongsToRequester = false,
                }).ToList(),
                NumberOfOfferListings = new[] { new { Count = offers.Count == 0 ? 0 : asin.OfferCount, condition = "new" } },
                TradeInValue = Money(asin.Currency, 0),
            },
            SalesRankings = SalesRankings(asin),
        };
    }

    public static object Identifiers(string marketplaceId, string asin, object skuIdentifier) =>
        new { MarketplaceASIN = new { MarketplaceId = marketplaceId, ASIN = asin }, SKUIdentifier = skuIdentifier };

    public static object NoSku => new { MarketplaceId = "", SellerId = "", SellerSKU = "" };

    private static object[] SalesRankings(AmazonAsin asin) =>
        [new { ProductCategoryId = "home_display_on_website", Rank = StableHash.Between(asin.Asin, 6, 1, 200000) }];

    private static string Channel(bool fba) => fba ? "Amazon" : "Merchant";

    private static int CountFor(AmazonAsin asin, bool fba) => fba ? (asin.OfferCount + 1) / 2 : asin.OfferCount / 2;

    private static List<Offer> Offers(AmazonAsin asin, string itemCondition)
    {
        if (!asin.InStock || asin.OfferCount <= 0 || !itemCondition.Equals("New", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var step = asin.Currency == "JPY" ? Math.Max(1, Math.Round(asin.LowestPrice * 0.03m)) : Math.Max(0.01m, Math.Round(asin.LowestPrice * 0.03m, 2));
        return Enumerable.Range(0, Math.Min(asin.OfferCount, MaxOffersShown))
            .Select(i => new Offer(asin.LowestPrice + i * step, i % 2 == 0, SellerId(asin.Asin, i)))
            .ToList();
    }

    private static string SellerId(string asin, int index)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var hash = StableHash.Of(asin + "#" + index);
        return "A" + string.Concat(Enumerable.Range(0, 13).Select(i => alphabet[(int)(((hash >> (i % 4 * 8)) + (uint)i * 7) % (uint)alphabet.Length)]));
    }

    private sealed record Offer(decimal Price, bool Fba, string SellerId);
}
