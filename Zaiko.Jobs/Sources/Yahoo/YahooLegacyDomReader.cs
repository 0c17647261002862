using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using static Zaiko.Jobs.Sources.Yahoo.YahooValues;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Reads the 2017–2023 item page markup, whose BEM class names (<c>ProductTitle__text</c>, <c>Price--current</c>,
/// <c>Count__number</c>, <c>ProductDetail__item</c>) were stable for years. Only those names are used.
/// </summary>
internal static class YahooLegacyDomReader
{
    public const string ClosedNotice = "このオークションは終了しています";

    private const string Ended = "終了";

    private const string AuctionIdRow = "オークションID";

    /// <summary>The seller's description, whose HTML may borrow the page's class names.</summary>
    private const string Description = "#ProductExplanation, .ProductExplanation, .ProductExplanation__commentBody";

    public static YahooReading Read(IHtmlDocument document, string auctionId)
    {
        var title = document.QuerySelector("h1.ProductTitle__text");
        var details = Details(document);
        if (title is null && details.Count == 0)
        {
            return YahooReading.Absent;
        }

        var shownId = details.GetValueOrDefault(AuctionIdRow);
        if (shownId is { Length: > 0 } && !shownId.Equals(auctionId, StringComparison.OrdinalIgnoreCase))
        {
            return YahooReading.Rejected($"the page shows オークションID '{shownId}', not the requested {auctionId}");
        }

        var current = document.QuerySelector(".Price--current");
        var price = Money(current?.QuerySelector(".Price__value")?.TextContent);
        var buyNow = Money(document.QuerySelector(".Price--buynow .Price__value")?.TextContent) is > 0 and var amount ? amount : (decimal?)null;
        var counts = Counts(document);
        var item = new YahooItem(
            AuctionId: shownId is { Length: > 0 } ? shownId : null,
            Title: Trimmed(title?.TextContent),
            // Fixed-price listings show only the buy-now block; what a buyer pays is then that price.
            Price: price ?? buyNow,
            PriceIncludingTax: IncludingTax(price, current?.QuerySelector(".Price__tax")?.TextContent),
            BuyNowPrice: buyNow,
            Quantity: Count(details.GetValueOrDefault("個数")),
            Bids: Count(counts.Bids),
            EndTime: Time(details.GetValueOrDefault("終了日時")),
            Seller: Trimmed(document.QuerySelector(".Seller__name a")?.TextContent),
            Closed: IsClosed(document, counts.TimeLeft));
        return YahooReading.Found(item);
    }

    /// <summary>The auction id the page's オークションID row shows, or null.</summary>
    public static string? ShownAuctionId(IHtmlDocument document) =>
        Details(document).GetValueOrDefault(AuctionIdRow) is { Length: > 0 } id ? id : null;

    /// <summary>
    /// The tax note beside the price is either the tax-inclusive price (（税込 38,324 円）) or the tax itself
    /// (（税 0 円）, what private sellers show); the latter is added to the price.
    /// </summary>
    private static decimal? IncludingTax(decimal? price, string? note)
    {
        if (note is null || Money(note) is not { } amount)
        {
            return null;
        }

        if (note.Contains("税込", StringComparison.Ordinal))
        {
            return amount;
        }

        return note.Contains('税', StringComparison.Ordinal) ? price + amount : null;
    }

    /// <summary>
    /// Ended when the closed header is shown or the time left reads 終了, open when a time left other than 終了
    /// is shown, unknown when neither is shown or they contradict each other. Only these elements are read,
    /// never the page text or the description, where a seller can write anything.
    /// </summary>
    private static bool? IsClosed(IHtmlDocument document, string? timeLeft)
    {
        var header = HasClosedHeader(document);
        bool? timeLeftSaysEnded = timeLeft?.StartsWith(Ended, StringComparison.Ordinal);
        return (header, timeLeftSaysEnded) switch
        {
            (true, false) => null,
            (true, _) => true,
            _ => timeLeftSaysEnded,
        };
    }

    private static bool HasClosedHeader(IHtmlDocument document)
    {
        foreach (var header in document.QuerySelectorAll("#closedHeader, .ClosedHeader, .ClosedHeader__tag"))
        {
            if (header.TextContent.Contains(ClosedNotice, StringComparison.Ordinal) && header.Closest(Description) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The bid count and time left from the <c>Count</c> box, matched by their titles (入札件数, 残り時間);
    /// pages without titles put them in that order.
    /// </summary>
    private static (string? Bids, string? TimeLeft) Counts(IHtmlDocument document)
    {
        string? bids = null;
        string? timeLeft = null;
        var untitled = new List<string>(2);
        foreach (var number in document.QuerySelectorAll("dd.Count__number"))
        {
            var value = Trimmed(number.TextContent);
            if (value is null)
            {
                continue;
            }

            var title = number.PreviousElementSibling is { LocalName: "dt" } dt ? Trimmed(dt.TextContent) : null;
            switch (title)
            {
                case "入札件数":
                    bids = value;
                    break;
                case "残り時間":
                    timeLeft = value;
                    break;
                case null:
                    untitled.Add(value);
                    break;
            }
        }

        return (bids ?? untitled.ElementAtOrDefault(0), timeLeft ?? untitled.ElementAtOrDefault(1));
    }

    /// <summary>The <c>ProductDetail__item</c> rows, title → value with the leading "：" bullet removed.</summary>
    private static Dictionary<string, string> Details(IHtmlDocument document)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in document.QuerySelectorAll("li.ProductDetail__item"))
        {
            var title = Trimmed(row.QuerySelector(".ProductDetail__title")?.TextContent);
            var description = row.QuerySelector(".ProductDetail__description");
            if (title is null || description is null)
            {
                continue;
            }

            details.TryAdd(title, DescriptionText(description));
        }

        return details;
    }

    private static string DescriptionText(IElement description)
    {
        var text = description.TextContent.AsSpan().Trim();
        return text.TrimStart("：:").Trim().ToString();
    }

    private static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
