using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Fx;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary>
/// Adds deterministic items. eBay offers and Mercari products seeded alongside Yahoo items mirror them one for one
/// (same title, converted price, SKU <c>YA-{auctionId}</c>), so a demo's listings match its sources.
/// </summary>
public sealed class Seeder(YahooStore yahoo, AmazonStore amazon, EbayStore ebay, MercariStore mercari, FxRates fx, SandboxClock clock, SeededRandom random)
{
    private const string Digits = "0123456789";
    private const string AuctionPrefixes = "bcdefghjklmnoprstuvwx";

    public object Seed(SeedRequest request)
    {
        if (request.Seed is { } seed)
        {
            random.Reseed(seed);
        }

        // Whole seconds, as the pages print them: what a test sets and what a page shows can then be compared exactly.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sources = Enumerable.Range(0, request.Yahoo).Select(_ => SeedYahoo(now)).ToList();
        var asins = Enumerable.Range(0, request.Amazon).Select(_ => SeedAsin()).ToList();
        var (_, rates) = fx.Current();
        var yenPerDollar = rates.TryGetValue("JPY", out var jpy) && rates.TryGetValue("USD", out var usd) && usd > 0 ? jpy / usd : 150m;
        var offers = Enumerable.Range(0, request.Ebay).Select(i => SeedEbay(i < sources.Count ? sources[i] : null, yenPerDollar, today)).ToList();
        var products = Enumerable.Range(0, request.Mercari).Select(i => SeedMercari(i < sources.Count ? sources[i] : null, now)).ToList();
        return new
        {
            yahoo = sources.Select(s => s.AuctionId).Take(5),
            amazon = asins.Take(5),
            ebay = offers.Take(5),
            mercari = products.Take(5),
            counts = new { yahoo = yahoo.Items.Count, amazon = amazon.Asins.Count, ebay = ebay.Offers.Count, mercari = mercari.Products.Count },
        };
    }

    private YahooItem SeedYahoo(DateTimeOffset now)
    {
        string id;
        do
        {
            id = random.Chars(AuctionPrefixes, 1) + random.Chars("123456789", 1) + random.Chars(Digits, 9);
        }
        while (yahoo.Items.ContainsKey(id));

        var initPrice = random.Next(1, 300) * 100L;
        var bids = random.Next(10) < 4 ? 0 : random.Next(1, 30);
        var price = bids == 0 ? initPrice : initPrice + random.Next(1, 50) * 100L * Math.Min(bids, 10);
        var item = new YahooItem(id, SampleTitles.Next(random), price,
            random.Next(10) < 3 ? (price * random.Next(13, 20) / 10 / 10 * 10) : null,
            random.Next(10) == 0 ? random.Next(2, 6) : 1, bids, YahooItem.Open,
            now.AddMinutes(-random.Next(60, 4 * 24 * 60)), now.AddMinutes(random.Next(60, 7 * 24 * 60)),
            SampleTitles.Seller(random), YahooItem.NextLayout, false, false, initPrice, random.Next(2) == 0 ? "未使用に近い" : "目立った傷や汚れなし");
        yahoo.Put(item);
        return item;
    }

    private string SeedAsin()
    {
        string asin;
        do
        {
            asin = "B0" + random.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8);
        }
        while (amazon.Asins.ContainsKey(asin));

        amazon.Asins.Put(asin, new AmazonAsin(asin, SampleTitles.Next(random), random.Next(98, 3000) * 10m, "JPY", random.Next(10) != 0, random.Next(1, 16)));
        return asin;
    }

    private string SeedEbay(YahooItem? source, decimal yenPerDollar, DateOnly today)
    {
        string offerId;
        do
        {
            offerId = random.Chars("123456789", 1) + random.Chars(Digits, 10);
        }
        while (ebay.Offers.ContainsKey(offerId));

        var sku = source is null ? "ZK-" + offerId : "YA-" + source.AuctionId;
        var yen = source?.BuyNowPrice ?? source?.Price ?? random.Next(10, 3000) * 10L;
        var price = Math.Max(1m, Math.Round(yen * 1.3m / yenPerDollar, 2));
        var quantity = source?.Quantity ?? random.Next(1, 4);
        ebay.Put(new EbayOffer(offerId, sku, source?.Title ?? SampleTitles.Next(random), quantity, quantity, price, "USD",
            "1" + random.Chars(Digits, 11), 0, today));
        return offerId;
    }

    private string SeedMercari(YahooItem? source, DateTimeOffset now)
    {
        var yen = source?.BuyNowPrice ?? source?.Price ?? random.Next(30, 3000) * 10L;
        var price = (int)Math.Clamp(Math.Round(yen * 1.25m / 10) * 10, MercariProduct.MinPrice, MercariProduct.MaxPrice);
        var product = new MercariProduct(random.Chars(MercariProductFields.IdAlphabet, 22), source?.Title ?? SampleTitles.Next(random), price,
            [new MercariProduct.Variant(random.Chars(MercariProductFields.IdAlphabet, 22),
                source is null ? null : "YA-" + source.AuctionId, source?.Quantity ?? random.Next(1, 4))],
            false, now, now);
        mercari.Put(product);
        return product.Id;
    }
}
