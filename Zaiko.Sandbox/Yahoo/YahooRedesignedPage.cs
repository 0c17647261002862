using System.Globalization;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// An item page in a layout no scraper knows yet: the data sits in a differently named script and in markup
/// without the Next.js, pageData or BEM structure. It is how the sandbox shows a site redesign to a scraper.
/// </summary>
public static class YahooRedesignedPage
{
    public static byte[] Render(YahooItem item, bool ended)
    {
        var writer = new PageWriter(2048);
        writer.Raw("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>")
            .Text(item.Title)
            .Raw("</title></head><body><main class=\"x9-item-v3\"><h2 class=\"x9-hd\">")
            .Text(item.Title)
            .Raw("</h2><p class=\"x9-amt\">")
            .Raw(item.Price.ToString("N0", CultureInfo.InvariantCulture))
            .Raw("</p><p class=\"x9-st\">")
            .Raw(ended ? "closed" : "running")
            .Raw("</p></main><script id=\"__APP_STATE_V3__\" type=\"application/json\">{\"listing\":{\"ref\":\"")
            .Text(item.AuctionId)
            .Raw("\"}}</script></body></html>");
        return writer.ToArray();
    }
}
