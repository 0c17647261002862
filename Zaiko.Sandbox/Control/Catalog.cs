using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary><c>GET /_sandbox/catalog</c>: seeded and created items in creation order, for demo wiring and tests.</summary>
public static class Catalog
{
    public static IResult Page(string target, int offset, int limit, YahooStore yahoo, AmazonStore amazon, EbayStore ebay, MercariStore mercari,
        DateTimeOffset now) => target switch
    {
        SandboxTargets.Yahoo => Result(target, yahoo.Items.Count, offset, yahoo.Items.Page(offset, limit).Select(e => YahooView(e.Item, now))),
        SandboxTargets.Amazon => Result(target, amazon.Asins.Count, offset, amazon.Asins.Page(offset, limit)),
        "amazon-listings" => Result(target, amazon.Listings.Count, offset, amazon.Listings.Page(offset, limit)),
        SandboxTargets.Ebay => Result(target, ebay.Offers.Count, offset, ebay.Offers.Page(offset, limit)),
        SandboxTargets.Mercari => Result(target, mercari.Products.Count, offset, mercari.Products.Page(offset, limit)),
        _ => ControlResults.BadRequest("target must be yahoo, amazon, amazon-listings, ebay or mercari"),
    };

    /// <summary>An item as set, plus the status a page shows now (an open auction past its end shows as closed).</summary>
    public static object YahooView(YahooItem item, DateTimeOffset now) => new
    {
        item.AuctionId,
        item.Title,
        item.Price,
        item.BuyNowPrice,
        item.Quantity,
        item.Bids,
        item.Status,
        EffectiveStatus = item.Status == YahooItem.Deleted ? YahooItem.Deleted : item.IsEndedAt(now) ? YahooItem.Closed : YahooItem.Open,
        item.StartTime,
        item.EndTime,
        item.Seller,
        item.Layout,
        item.BotWall,
        item.ClosedAs404,
        item.InitPrice,
        item.Condition,
        Path = "/jp/auction/" + item.AuctionId,
    };

    private static IResult Result<T>(string target, int total, int offset, IEnumerable<T> items) =>
        ControlResults.Ok(new { target, total, offset, items = items.ToList(), notice = "DEMO DATA" });
}
