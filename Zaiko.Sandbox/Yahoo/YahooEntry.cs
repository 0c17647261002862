namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// An item with its rendered page. A change replaces the entry, which drops the page with it; otherwise a page is
/// reused until it goes stale, so a hot item costs one render per second rather than one per request.
/// </summary>
public sealed class YahooEntry(YahooItem item)
{
    private RenderedPage? cached;

    public YahooItem Item { get; } = item;

    public RenderedPage GetPage(DateTimeOffset now, Func<YahooItem, DateTimeOffset, RenderedPage> render)
    {
        var page = Volatile.Read(ref cached);
        if (page is null || now >= page.ValidUntil)
        {
            page = render(Item, now);
            Volatile.Write(ref cached, page);
        }

        return page;
    }
}
