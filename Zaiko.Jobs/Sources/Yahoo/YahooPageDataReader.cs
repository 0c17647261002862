using System.Text.Json;
using static Zaiko.Jobs.Sources.Yahoo.YahooValues;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Reads the <c>var pageData = {"items":{…}}</c> script that item pages carried from about 2017 and that still
/// sits beside <c>__NEXT_DATA__</c> on many pages. Its values are strings ("34840", "1"); "isClosed" is "1" once
/// the auction has ended, and a buy-now price of "0" means there is none.
/// </summary>
internal static class YahooPageDataReader
{
    private const string Variable = "pageData";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static YahooReading Read(IReadOnlyList<ReadOnlyMemory<char>> javaScripts, string auctionId)
    {
        if (Literal(javaScripts) is not { } literal)
        {
            return YahooReading.Absent;
        }

        return JsObjectLiteral.TryConvert(literal.Span, out var json)
            ? Read(json, auctionId)
            : YahooReading.Unreadable("var pageData is not a complete object literal");
    }

    /// <summary>How many of the scripts assign pageData; the first of them is the one read.</summary>
    public static int CountAssignments(IReadOnlyList<ReadOnlyMemory<char>> javaScripts)
    {
        var count = 0;
        foreach (var script in javaScripts)
        {
            if (ObjectStart(script.Span) >= 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The auction id <c>pageData.items</c> names, or null.</summary>
    public static string? NamedAuction(IReadOnlyList<ReadOnlyMemory<char>> javaScripts)
    {
        if (Literal(javaScripts) is not { } literal || !JsObjectLiteral.TryConvert(literal.Span, out var json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, JsonOptions);
            return AuctionId(Property(document.RootElement, "items"));
        }
        catch (JsonException)
        {
            // An unreadable pageData names nothing; the scraper reports it when the page is read.
            return null;
        }
    }

    /// <summary>The object literal assigned to pageData in the first script that assigns it.</summary>
    private static ReadOnlyMemory<char>? Literal(IReadOnlyList<ReadOnlyMemory<char>> javaScripts)
    {
        foreach (var script in javaScripts)
        {
            var start = ObjectStart(script.Span);
            if (start >= 0)
            {
                return script[start..];
            }
        }

        return null;
    }

    /// <summary>Index of the '{' assigned to pageData (<c>var pageData = {</c>, <c>window.pageData={</c>), or -1.</summary>
    private static int ObjectStart(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (true)
        {
            var at = text[from..].IndexOf(Variable, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            from += at + Variable.Length;
            var i = SkipSpace(text, from);
            if (i < text.Length && text[i] == '=')
            {
                i = SkipSpace(text, i + 1);
                if (i < text.Length && text[i] == '{')
                {
                    return i;
                }
            }
        }

        static int SkipSpace(ReadOnlySpan<char> text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }
    }

    private static YahooReading Read(string json, string auctionId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return YahooReading.Unreadable($"var pageData is not readable: {ex.Message}");
        }

        using (document)
        {
            var items = Property(document.RootElement, "items");
            if (items.ValueKind != JsonValueKind.Object)
            {
                return YahooReading.Absent;
            }

            var item = ReadItem(items);
            if (item.AuctionId is not null && !item.AuctionId.Equals(auctionId, StringComparison.OrdinalIgnoreCase))
            {
                return YahooReading.Rejected($"pageData is for auction '{item.AuctionId}', not the requested {auctionId}");
            }

            return item.AuctionId is null && item.Title is null && item.Price is null && item.Closed is null
                ? YahooReading.Absent
                : YahooReading.Found(item);
        }
    }

    private static YahooItem ReadItem(JsonElement items) => new(
        AuctionId: AuctionId(items),
        Title: Text(FirstProperty(items, "productName", "title")),
        Price: Money(Property(items, "price")),
        PriceIncludingTax: Money(Property(items, "taxinPrice")),
        BuyNowPrice: PositiveMoney(Property(items, "winPrice"))
            ?? PositiveMoney(Property(items, "bidorbuy"))
            ?? PositiveMoney(Property(items, "taxinBidorbuy")),
        Quantity: Count(FirstProperty(items, "availableQuantity", "quantity")),
        Bids: Count(Property(items, "bids")),
        EndTime: Time(Text(FirstProperty(items, "endtime", "endTime"))),
        Seller: Text(FirstProperty(items, "sellerID", "sellerId", "seller")),
        Closed: IsClosed(Property(items, "isClosed")));

    private static string? AuctionId(JsonElement items) => Text(FirstProperty(items, "productID", "productId", "auctionId"));

    /// <summary>"1"/1/true is closed, "0"/0/false is open; anything else says nothing.</summary>
    private static bool? IsClosed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Text(value) switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        },
    };
}
