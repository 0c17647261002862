using System.Text.RegularExpressions;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// Body of <c>POST</c> (create or replace) and <c>PATCH</c> (any subset) on <c>/_sandbox/yahoo/items</c>.
/// <c>buyNowPrice: 0</c> removes a buy-now price.
/// </summary>
public sealed partial record YahooItemFields(
    string? AuctionId = null,
    string? Title = null,
    long? Price = null,
    long? BuyNowPrice = null,
    int? Quantity = null,
    int? Bids = null,
    string? Status = null,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    string? Seller = null,
    string? Layout = null,
    bool? BotWall = null,
    bool? ClosedAs404 = null,
    long? InitPrice = null,
    string? Condition = null)
{
    [GeneratedRegex("^[a-z]?[0-9]{9,10}$")]
    public static partial Regex AuctionIdPattern();

    public string? Validate(bool creating)
    {
        if (creating && (AuctionId is null || !AuctionIdPattern().IsMatch(AuctionId)))
        {
            return "auctionId must match ^[a-z]?[0-9]{9,10}$";
        }

        if (creating && string.IsNullOrWhiteSpace(Title))
        {
            return "title is required";
        }

        if (Title is { Length: > 200 } || Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            return "title must have 1-200 characters";
        }

        if (Price < 0 || BuyNowPrice < 0 || InitPrice < 0 || Quantity < 0 || Bids < 0)
        {
            return "price, buyNowPrice, initPrice, quantity and bids may not be negative";
        }

        if (Status is not null and not (YahooItem.Open or YahooItem.Closed or YahooItem.Deleted))
        {
            return "status must be open, closed or deleted";
        }

        return Layout is not null and not (YahooItem.NextLayout or YahooItem.LegacyLayout or YahooItem.RedesignedLayout)
            ? "layout must be next, legacy or redesigned" : null;
    }

    public YahooItem Create(DateTimeOffset now) => ApplyTo(new YahooItem(AuctionId!, Title!, 0, null, 1, 0, YahooItem.Open,
        WholeSeconds(now).AddDays(-1), WholeSeconds(now).AddDays(3), "zaiko_demo_seller", YahooItem.NextLayout, false, false, Price ?? 0, "目立った傷や汚れなし"));

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    public YahooItem ApplyTo(YahooItem item) => item with
    {
        Title = Title ?? item.Title,
        Price = Price ?? item.Price,
        BuyNowPrice = BuyNowPrice is null ? item.BuyNowPrice : BuyNowPrice == 0 ? null : BuyNowPrice,
        Quantity = Quantity ?? item.Quantity,
        Bids = Bids ?? item.Bids,
        Status = Status ?? item.Status,
        StartTime = StartTime ?? item.StartTime,
        EndTime = EndTime ?? item.EndTime,
        Seller = Seller ?? item.Seller,
        Layout = Layout ?? item.Layout,
        BotWall = BotWall ?? item.BotWall,
        ClosedAs404 = ClosedAs404 ?? item.ClosedAs404,
        InitPrice = InitPrice ?? item.InitPrice,
        Condition = Condition ?? item.Condition,
    };
}
