namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// An auction as the sandbox holds it. <see cref="Status"/> is what was set; an open auction whose end time has
/// passed shows as ended, as on the real site.
/// </summary>
public sealed record YahooItem(
    string AuctionId,
    string Title,
    long Price,
    long? BuyNowPrice,
    int Quantity,
    int Bids,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Seller,
    string Layout,
    bool BotWall,
    bool ClosedAs404,
    long InitPrice,
    string Condition)
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Deleted = "deleted";
    public const string NextLayout = "next";
    public const string LegacyLayout = "legacy";
    public const string RedesignedLayout = "redesigned";

    public bool IsEndedAt(DateTimeOffset now) => Status == Closed || (Status == Open && EndTime <= now);
}
