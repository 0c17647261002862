using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Turns a fetched Yahoo! JAPAN Auctions item page into a <see cref="SourceObservation"/>. Readers are tried in
/// the order pages have evolved — <c>__NEXT_DATA__</c>, <c>var pageData</c>, the BEM markup — and whatever they
/// find must agree. Only a page that positively says the auction ended (or a 404/410 that does not show the
/// item) yields Ended/Gone; anything doubtful is reported as such, because a wrong out-of-stock zeroes good listings.
/// Safe for concurrent use.
/// </summary>
public sealed class YahooPageScraper
{
    public const string Currency = "JPY";

    private static readonly (string Layout, Func<YahooPageParts, IHtmlDocument?, string, YahooReading> Read)[] Readers =
    [
        (SourceLayouts.NextData, static (parts, _, auctionId) => YahooNextDataReader.Read(parts.NextDataScripts, auctionId)),
        (SourceLayouts.PageData, static (parts, _, auctionId) => YahooPageDataReader.Read(parts.JavaScripts, auctionId)),
        // Without a document the parts came from the scanner, which gives none for pages with legacy markup.
        (SourceLayouts.LegacyDom, static (_, document, auctionId) => document is null ? YahooReading.Absent : YahooLegacyDomReader.Read(document, auctionId)),
    ];

    // AngleSharp does not promise that one parser may be used by several threads at once; one per thread
    // is still built only once.
    [ThreadStatic]
    private static HtmlParser? parser;

    /// <param name="requestedAuctionId">The auction that was fetched (an id or item URL); the page must be about it.</param>
    /// <exception cref="Zaiko.Data.InvalidInputException">The requested id is not a Yahoo! auction id or item URL.</exception>
    public SourceObservation Parse(string requestedAuctionId, int httpStatus, string html, DateTimeOffset fetchedAt, long elapsedMs)
    {
        var check = new Check(YahooAuctionId.Parse(requestedAuctionId), httpStatus, fetchedAt, elapsedMs);
        if (WithoutReading(check, html) is { } answered)
        {
            return answered;
        }

        // Building a DOM is most of a check's CPU; the scripts of a Next.js page can be read from the text. The
        // scanner yields nothing where the DOM could differ, and a page without item data (a block page, a 404, the
        // legacy markup) is always left to the DOM.
        if (YahooMarkupScanner.TryScan(html) is { } parts && Read(check, parts, document: null, out _) is { } observation)
        {
            return observation;
        }

        return ParseDocument(check, html);
    }

    /// <summary><see cref="Parse"/> with the DOM only, as every page was read before the scanner: the reference it must agree with.</summary>
    internal SourceObservation ParseWithDocument(string requestedAuctionId, int httpStatus, string html, DateTimeOffset fetchedAt, long elapsedMs)
    {
        var check = new Check(YahooAuctionId.Parse(requestedAuctionId), httpStatus, fetchedAt, elapsedMs);
        return WithoutReading(check, html) ?? ParseDocument(check, html);
    }

    /// <summary>The observation for a status or body that needs no reading, or null when the page must be read.</summary>
    private static SourceObservation? WithoutReading(Check check, string html)
    {
        var httpStatus = check.HttpStatus;
        if (httpStatus is 408 or 425 or 429 or >= 500 and <= 599)
        {
            return check.Failed(SourceStatus.TransientError, $"HTTP {httpStatus}: the source is failing or throttling; retry later");
        }

        if (YahooBlockDetector.IsBlockStatus(httpStatus))
        {
            return check.Failed(SourceStatus.Blocked, $"HTTP {httpStatus}: the source refused the request");
        }

        if (!IsGoneStatus(httpStatus) && httpStatus is < 200 or > 299)
        {
            return check.Failed(SourceStatus.TransientError, $"HTTP {httpStatus} is not an answer about the item; retry later");
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            return IsGoneStatus(httpStatus)
                ? check.Failed(SourceStatus.Gone, $"HTTP {httpStatus} with an empty body")
                : check.Failed(SourceStatus.LayoutChanged, $"HTTP {httpStatus} with an empty body");
        }

        return null;
    }

    private static SourceObservation ParseDocument(Check check, string html)
    {
        using var document = (parser ??= new HtmlParser()).ParseDocument(html);
        return Read(check, YahooPageParts.FromDocument(document), document, out var problems)
            ?? WithoutItem(check, html, problems);
    }

    /// <summary>
    /// The observation the page's item data gives, or null when it has none. Without a <paramref name="document"/>
    /// the legacy reader is skipped: the scanner only gives parts for pages without legacy markup.
    /// </summary>
    private static SourceObservation? Read(Check check, YahooPageParts parts, IHtmlDocument? document, out List<string>? problems)
    {
        problems = null;
        if (YahooAuctionId.TryParse(parts.Canonical, out var canonicalId) && canonicalId != check.AuctionId)
        {
            return check.Failed(SourceStatus.LayoutChanged, $"the page's canonical URL is auction {canonicalId}, not the requested {check.AuctionId}");
        }

        YahooItem? item = null;
        string? layout = null;
        string? unreadableNextData = null;
        foreach (var (readerLayout, read) in Readers)
        {
            var reading = read(parts, document, check.AuctionId);
            if (reading.StopsParsing)
            {
                return check.Failed(SourceStatus.LayoutChanged, $"{readerLayout}: {reading.Problem}");
            }

            if (reading.Problem is not null)
            {
                (problems ??= []).Add($"{readerLayout}: {reading.Problem}");
                if (readerLayout == SourceLayouts.NextData)
                {
                    unreadableNextData = reading.Problem;
                }
            }

            if (reading.Item is not { } found)
            {
                continue;
            }

            if (item is null)
            {
                (item, layout) = (found, readerLayout);
            }
            else if (item.Closed is { } closed && found.Closed is { } otherClosed && closed != otherClosed)
            {
                return check.Failed(SourceStatus.LayoutChanged,
                    $"{layout} says the auction is {OpenOrEnded(closed)} but {readerLayout} says it is {OpenOrEnded(otherClosed)}");
            }
            else
            {
                item = item.FillFrom(found);
            }
        }

        // A page whose own item data cannot be read may have been cut short by something inside it; an ended verdict
        // from what follows could be a seller's text, and a false Ended zeroes good listings. Live values still pass.
        if (item?.Closed == true && unreadableNextData is not null)
        {
            return check.Failed(SourceStatus.LayoutChanged,
                $"{layout} says the auction ended, but the page's __NEXT_DATA__ could not be read ({unreadableNextData}), so the verdict is not trusted");
        }

        return item is null ? null : WithItem(check, item, layout!);
    }

    private static SourceObservation WithItem(Check check, YahooItem item, string layout)
    {
        switch (item.Closed)
        {
            case null:
                return check.Failed(SourceStatus.LayoutChanged, $"{layout}: the page does not say whether the auction is open or ended");
            case true:
                return check.Observed(SourceStatus.Ended, item, layout, quantity: 0);
        }

        if (item.Title is null || item.Price is null)
        {
            return check.Failed(SourceStatus.LayoutChanged, $"{layout}: an open auction without {(item.Title is null ? "a title" : "a price")}");
        }

        // An open auction has at least one unit; pages that omit the count are single-unit listings.
        return check.Observed(SourceStatus.Live, item, layout, item.Quantity ?? 1);
    }

    private static SourceObservation WithoutItem(Check check, string html, List<string>? problems)
    {
        // A block page answers in place of the item whatever its status, and says nothing about the item.
        if (YahooBlockDetector.Detect(html) is { } block)
        {
            return check.Failed(SourceStatus.Blocked, $"HTTP {check.HttpStatus} without item data: {block}");
        }

        if (IsGoneStatus(check.HttpStatus))
        {
            // Some ended auctions answer 404 and still say so; that is an ended item, not a missing one.
            return html.Contains(YahooLegacyDomReader.ClosedNotice, StringComparison.Ordinal)
                ? check.Observed(SourceStatus.Ended, null, null, quantity: 0)
                : check.Failed(SourceStatus.Gone, $"HTTP {check.HttpStatus} and the page does not show the item");
        }

        var detail = problems is null ? "" : "; " + string.Join("; ", problems);
        return check.Failed(SourceStatus.LayoutChanged,
            $"no item data found (no __NEXT_DATA__ item, no var pageData items, no legacy item markup){detail}");
    }

    private static bool IsGoneStatus(int httpStatus) => httpStatus is 404 or 410;

    private static string OpenOrEnded(bool closed) => closed ? "ended" : "open";

    private readonly record struct Check(string AuctionId, int HttpStatus, DateTimeOffset FetchedAt, long ElapsedMs)
    {
        public SourceObservation Failed(SourceStatus status, string error) => new()
        {
            Status = status,
            SourceProductId = AuctionId,
            Quantity = status == SourceStatus.Gone ? 0 : null,
            FetchedAt = FetchedAt,
            HttpStatus = HttpStatus,
            ElapsedMs = ElapsedMs,
            Error = error,
        };

        public SourceObservation Observed(SourceStatus status, YahooItem? item, string? layout, int quantity) => new()
        {
            Status = status,
            SourceProductId = AuctionId,
            Title = item?.Title,
            TitleHash = item?.Title is { } title ? TitleHash.Compute(title) : null,
            Price = item?.Price,
            PriceIncludingTax = item?.PriceIncludingTax,
            BuyNowPrice = item?.BuyNowPrice,
            Currency = item is null ? null : YahooPageScraper.Currency,
            Quantity = quantity,
            Bids = item?.Bids,
            EndTime = item?.EndTime,
            Seller = item?.Seller,
            Layout = layout,
            FetchedAt = FetchedAt,
            HttpStatus = HttpStatus,
            ElapsedMs = ElapsedMs,
        };
    }
}
