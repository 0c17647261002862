using System.Text.Json;
using static Zaiko.Jobs.Sources.Yahoo.YahooValues;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Reads the Next.js item page (2024–): the item object in <c>&lt;script id="__NEXT_DATA__"&gt;</c>, held twice, at
/// <c>props.pageProps.initialState.item.detail.item</c> and <c>props.initialState.item.detail.item</c>.
/// The visible markup has obfuscated class names and is never read.
/// </summary>
internal static class YahooNextDataReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public static YahooReading Read(IReadOnlyList<ReadOnlyMemory<char>> scripts, string auctionId)
    {
        switch (scripts.Count)
        {
            case 0:
                return YahooReading.Absent;
            case > 1:
                return YahooReading.Rejected($"the page carries {scripts.Count} __NEXT_DATA__ scripts, so which one is its own cannot be told");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(scripts[0], JsonOptions);
        }
        catch (JsonException ex)
        {
            return YahooReading.Unreadable($"__NEXT_DATA__ is not valid JSON: {ex.Message}");
        }

        using (json)
        {
            return Read(json.RootElement, auctionId);
        }
    }

    /// <summary>Every auction id the <c>__NEXT_DATA__</c> scripts name — <c>query.aid</c> and each item copy's <c>auctionId</c> — with where.</summary>
    public static List<(string Where, string AuctionId)> NamedAuctions(IReadOnlyList<ReadOnlyMemory<char>> scripts)
    {
        var named = new List<(string, string)>();
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script, JsonOptions);
                var root = json.RootElement;
                var props = Property(root, "props");
                Add(named, "__NEXT_DATA__ query.aid", Property(Property(root, "query"), "aid"));
                Add(named, "__NEXT_DATA__ props.pageProps item.auctionId", Property(ItemIn(Property(props, "pageProps")) ?? default, "auctionId"));
                Add(named, "__NEXT_DATA__ props item.auctionId", Property(ItemIn(props) ?? default, "auctionId"));
            }
            catch (JsonException)
            {
                // Unreadable JSON names nothing; the scraper reports it when the page is read.
            }
        }

        return named;

        static void Add(List<(string, string)> named, string where, JsonElement value)
        {
            if (Text(value) is { } id)
            {
                named.Add((where, id));
            }
        }
    }

    private static YahooReading Read(JsonElement root, string auctionId)
    {
        var props = Property(root, "props");
        var pagePropsCopy = ItemIn(Property(props, "pageProps"));
        var propsCopy = ItemIn(props);
        if (pagePropsCopy is null && propsCopy is null)
        {
            return YahooReading.Absent;
        }

        var queryAid = Text(Property(Property(root, "query"), "aid"));
        if (queryAid is not null && !queryAid.Equals(auctionId, StringComparison.OrdinalIgnoreCase))
        {
            return YahooReading.Rejected($"__NEXT_DATA__ query.aid is '{queryAid}', not the requested {auctionId}");
        }

        var item = ReadItem(pagePropsCopy ?? propsCopy!.Value);
        if (pagePropsCopy is not null && propsCopy is not null)
        {
            var other = ReadItem(propsCopy.Value);
            if (item != other)
            {
                return YahooReading.Rejected(
                    $"the two item copies in __NEXT_DATA__ disagree on {Differences(item, other)}; the page cannot be trusted");
            }
        }

        if (item.AuctionId is not null && !item.AuctionId.Equals(auctionId, StringComparison.OrdinalIgnoreCase))
        {
            return YahooReading.Rejected($"__NEXT_DATA__ item is auction '{item.AuctionId}', not the requested {auctionId}");
        }

        if (queryAid is null && item.AuctionId is null)
        {
            return YahooReading.Rejected("__NEXT_DATA__ names no auction id (neither query.aid nor item.auctionId), so it cannot be matched to the request");
        }

        return YahooReading.Found(item);
    }

    /// <summary><c>initialState.item.detail.item</c> under <paramref name="parent"/>, when it is an object.</summary>
    private static JsonElement? ItemIn(JsonElement parent)
    {
        var item = Property(Property(Property(Property(parent, "initialState"), "item"), "detail"), "item");
        return item.ValueKind == JsonValueKind.Object ? item : null;
    }

    private static YahooItem ReadItem(JsonElement item)
    {
        var status = Text(Property(item, "status"));
        var seller = Property(item, "seller");
        return new YahooItem(
            AuctionId: Text(Property(item, "auctionId")),
            Title: Text(Property(item, "title")),
            Price: Money(Property(item, "price")),
            PriceIncludingTax: Money(Property(item, "taxinPrice")),
            BuyNowPrice: BuyNowPrice(item),
            // What is left to buy matters, not what was listed: a multi-unit auction sells units as it goes.
            Quantity: Count(FirstProperty(item, "availableQuantity", "quantity")),
            Bids: Count(Property(item, "bids")),
            EndTime: Time(Text(Property(item, "endTime"))),
            Seller: Text(FirstProperty(seller, "displayName", "aucUserId", "id")),
            Closed: status is null ? null : !status.Equals("open", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The keys public parsers read the 即決 price from, tax-exclusive first as <c>price</c> is; 0 means none. Never
    /// <c>featuredPrice</c>: nothing ties it to buy-now, and its "0.000000" form fits the paid featured-listing fee.
    /// </summary>
    private static decimal? BuyNowPrice(JsonElement item) =>
        PositiveMoney(Property(item, "bidorbuy"))
        ?? PositiveMoney(Property(item, "bidOrBuyPrice"))
        ?? PositiveMoney(Property(item, "taxinBidorbuy"))
        ?? PositiveMoney(Property(item, "taxinBidOrBuyPrice"));

    private static string Differences(YahooItem a, YahooItem b)
    {
        var fields = new List<string>();
        Add(fields, "auctionId", a.AuctionId != b.AuctionId);
        Add(fields, "title", a.Title != b.Title);
        Add(fields, "price", a.Price != b.Price);
        Add(fields, "taxinPrice", a.PriceIncludingTax != b.PriceIncludingTax);
        Add(fields, "buy-now price", a.BuyNowPrice != b.BuyNowPrice);
        Add(fields, "quantity", a.Quantity != b.Quantity);
        Add(fields, "bids", a.Bids != b.Bids);
        Add(fields, "endTime", a.EndTime != b.EndTime);
        Add(fields, "seller", a.Seller != b.Seller);
        Add(fields, "status", a.Closed != b.Closed);
        return string.Join(", ", fields);

        static void Add(List<string> fields, string name, bool differs)
        {
            if (differs)
            {
                fields.Add(name);
            }
        }
    }
}
