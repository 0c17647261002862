using AngleSharp.Html.Parser;
using Zaiko.Data;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Which auction a saved item page says it shows, for reading a page that was not fetched by id. Every place a
/// page names its auction counts — the canonical URL, <c>__NEXT_DATA__</c> <c>query.aid</c> and both item copies'
/// <c>auctionId</c>, <c>pageData.items.productID</c>, the legacy オークションID row — and all must name the same
/// one: a page that contradicts itself is not taken to show either.
/// </summary>
public static class YahooPageIdentity
{
    /// <summary>The auction id the page names, or null when it names none.</summary>
    /// <exception cref="InvalidInputException">The page names different auctions, or something that is not an auction id; the reason says where.</exception>
    public static string? FindAuctionId(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var parts = YahooPageParts.FromDocument(document);
        var named = new List<(string Where, string AuctionId)>();
        if (YahooAuctionId.TryParse(parts.Canonical, out var canonical))
        {
            named.Add(("canonical URL", canonical));
        }

        named.AddRange(YahooNextDataReader.NamedAuctions(parts.NextDataScripts));
        if (YahooPageDataReader.NamedAuction(parts.JavaScripts) is { } productId)
        {
            named.Add(("pageData.items.productID", productId));
        }

        if (YahooLegacyDomReader.ShownAuctionId(document) is { } shown)
        {
            named.Add(("オークションID row", shown));
        }

        if (named.Count == 0)
        {
            return null;
        }

        var first = named[0].AuctionId;
        var agree = named.TrueForAll(n => n.AuctionId.Equals(first, StringComparison.OrdinalIgnoreCase));
        if (agree && YahooAuctionId.TryParse(first, out var auctionId) && auctionId.Equals(first, StringComparison.OrdinalIgnoreCase))
        {
            return auctionId;
        }

        var where = string.Join(", ", named.Select(n => $"{n.Where} {n.AuctionId}"));
        throw new InvalidInputException("page", agree ? $"the page names '{first}', which is not an auction id ({where})" : $"the page names different auctions: {where}");
    }
}
