using System.Text.Json;
using AngleSharp.Html.Dom;
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

    public static YahooReading Read(IHtmlDocument document, string auctionId)
    {
        foreach (var script in document.Scripts)
        {
            // JSON scripts (__NEXT_DATA__ among them) carry sellers' descriptions, which may quote anything.
            if (script.Source is { Length: > 0 } || script.Type?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                continue;
            }

            var text = script.Text;
            var start = ObjectStart(text);
            if (start < 0)
            {
                continue;
            }

            if (!JsObjectLiteral.TryConvert(text.AsSpan(start), out var json))
            {
                return YahooReading.Unreadable("var pageData is not a complete object literal");
            }

            return Read(json, auctionId);
        }

        return YahooReading.Absent;
    }

    /// <summary>Index of the '{' assigned to pageData (<c>var pageData = {</c>, <c>window.pageData={</c>), or -1.</summary>
    private static int ObjectStart(string text)
    {
        var from = 0;
        while (true)
        {
            var at = text.IndexOf(Variable, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            from = at + Variable.Length;
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

        static int SkipSpace(string text, int i)
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
        AuctionId: Text(FirstProperty(items, "productID", "productId", "auctionId")),
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
