using System.Text.Json;
using AngleSharp.Html.Parser;
using static Zaiko.Jobs.Sources.Yahoo.YahooValues;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Which auction a saved item page says it shows, for reading a page that was not fetched by id: its canonical
/// URL, else <c>query.aid</c> of <c>__NEXT_DATA__</c>. The scraper still checks every other id the page carries
/// against it.
/// </summary>
public static class YahooPageIdentity
{
    /// <summary>The auction id the page names, or null when it names none.</summary>
    public static string? FindAuctionId(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        if (YahooAuctionId.TryParse(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), out var canonical))
        {
            return canonical;
        }

        var script = document.GetElementById("__NEXT_DATA__");
        if (script is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(script.TextContent);
            return YahooAuctionId.TryParse(Text(Property(Property(json.RootElement, "query"), "aid")), out var aid) ? aid : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
