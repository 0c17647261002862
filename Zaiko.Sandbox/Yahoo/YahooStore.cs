using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>The auctions, and the page each one renders to at a given moment.</summary>
public sealed class YahooStore
{
    private static readonly TimeSpan PageLifetime = TimeSpan.FromSeconds(1);

    private static readonly Func<YahooItem, DateTimeOffset, RenderedPage> RenderPage = Render;

    public ItemStore<YahooEntry> Items { get; } = new();

    public YahooItem? Get(string auctionId) => Items.Get(auctionId)?.Item;

    public bool Put(YahooItem item) => Items.Put(item.AuctionId, new YahooEntry(item));

    public YahooItem? Update(string auctionId, Func<YahooItem, YahooItem> change) =>
        Items.Update(auctionId, entry => new YahooEntry(change(entry.Item)))?.Item;

    public RenderedPage Page(string auctionId, DateTimeOffset now)
    {
        var entry = Items.Get(auctionId);
        return entry is null ? new RenderedPage(StatusCodes.Status404NotFound, YahooStaticPages.NotFound, DateTimeOffset.MaxValue)
            : entry.GetPage(now, RenderPage);
    }

    private static RenderedPage Render(YahooItem item, DateTimeOffset now)
    {
        if (item.Status == YahooItem.Deleted)
        {
            return new RenderedPage(StatusCodes.Status404NotFound, YahooStaticPages.NotFound, DateTimeOffset.MaxValue);
        }

        if (item.BotWall)
        {
            return new RenderedPage(StatusCodes.Status200OK, YahooStaticPages.BotWall, DateTimeOffset.MaxValue);
        }

        var ended = item.IsEndedAt(now);
        var body = item.Layout switch
        {
            YahooItem.LegacyLayout => YahooLegacyPage.Render(item, now, ended),
            YahooItem.RedesignedLayout => YahooRedesignedPage.Render(item, ended),
            _ => YahooNextPage.Render(item, now, ended),
        };
        var status = ended && item.ClosedAs404 ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        var validUntil = now + PageLifetime;
        if (!ended && item.EndTime < validUntil)
        {
            validUntil = item.EndTime;
        }

        return new RenderedPage(status, body, validUntil);
    }
}
