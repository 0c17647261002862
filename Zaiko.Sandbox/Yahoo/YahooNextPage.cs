using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// The 2025 Next.js item page: obfuscated-class markup for people, a <c>var pageData</c> script with string values,
/// and <c>__NEXT_DATA__</c> holding the item twice (<c>props.pageProps.initialState</c> and <c>props.initialState</c>).
/// </summary>
public static class YahooNextPage
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Render(YahooItem item, DateTimeOffset now, bool ended)
    {
        var page = new PageWriter(16 * 1024);
        var id = item.AuctionId;
        var shortTitle = item.Title.Length > 30 ? item.Title[..30] + "..." : item.Title;
        page.Raw("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"/><meta content=\"width=device-width\" name=\"viewport\"/><title>Yahoo!オークション - "u8)
            .Text(shortTitle)
            .Raw("</title><meta content=\"index,follow,max-image-preview:large\" name=\"robots\"/><meta content=\""u8).Text(shortTitle)
            .Raw(" - Yahoo!オークション\" property=\"og:title\"/><meta content=\"https://auctions.yahoo.co.jp/jp/auction/"u8).Raw(id)
            .Raw("\" property=\"og:url\"/><meta content=\"product\" property=\"og:type\"/><link href=\"https://auctions.yahoo.co.jp/jp/auction/"u8).Raw(id)
            .Raw("\" rel=\"canonical\"/><meta content=\"8\" name=\"next-head-count\"/><link data-n-g=\"\" href=\"https://auction-assets.c.yimg.jp/webfe/1.397.1/_next/static/css/pages/_app.css\" rel=\"stylesheet\"/></head>"u8)
            .Raw("<body><div id=\"__next\"><div class=\"gv-l-wrapper--Ws9NwKFNbyWYE7nxjLuX gv-l-wrapper--pc--_primi6oV0lxUon24qBz\" id=\"wrapper\"><header class=\"gv-l-header--x08n25swK4TimjnzPqsA\"><div class=\"gv-Message--VfQdydFv7R7rEI8GeaBO gv-Message--info--Qm2pR8Yk3nT\"><p>Zaiko サンドボックス：これはデモ用の架空の出品です（DEMO DATA）</p></div></header>"u8)
            .Raw("<main class=\"gv-l-content--vylfY8ucwifDaEwcwkr5\"><div class=\"gv-l-contentInner--OZpvVuCbfBpfMmmeOqK1\"><div class=\"gv-l-main--HLwwq9o9Zj7HfsqkEANg\">"u8);
        if (ended)
        {
            page.Raw("<div aria-label=\"alert\" class=\"gv-Message--VfQdydFv7R7rEI8GeaBO gv-Message--alert--De9baJxVmoKEGFkibTJ5\"><p class=\"sc-5a1b3c2e-0 hQwEzT\">このオークションは終了しています</p></div>"u8);
        }

        page.Raw("<div class=\"sc-1f0603b0-0 bYkLQa\"><h1 class=\"gv-u-fontSize16--_aSkEz8L0OSgBfZc1TnH gv-u-fontWeightBold--sVSx7bUE6MAd26cg9XrB\">"u8)
            .Text(item.Title).Raw("</h1></div><div class=\"sc-1f0603b0-3 kXcPzm\"><dl class=\"sc-9a1e6b47-0 gHqRrw\"><dt class=\"sc-9a1e6b47-1 fYbOkc\">"u8)
            .Raw(ended ? "落札価格"u8 : "現在"u8).Raw("</dt><dd class=\"sc-9a1e6b47-2 iRxWqV\"><span class=\"gv-u-fontSize24--s6sV9tU2wd1WOBzFXqEA\">"u8)
            .Raw(item.Price.ToString("N0", CultureInfo.InvariantCulture)).Raw("</span>円</dd></dl>"u8);
        if (item.BuyNowPrice is { } buyNow)
        {
            page.Raw("<dl class=\"sc-9a1e6b47-0 gHqRrw\"><dt class=\"sc-9a1e6b47-1 fYbOkc\">即決</dt><dd class=\"sc-9a1e6b47-2 iRxWqV\"><span class=\"gv-u-fontSize24--s6sV9tU2wd1WOBzFXqEA\">"u8)
                .Raw(buyNow.ToString("N0", CultureInfo.InvariantCulture)).Raw("</span>円</dd></dl>"u8);
        }

        page.Raw("</div><ul class=\"sc-7c6d4f19-0 dKcXvG\"><li><span>入札</span><span>"u8).Raw(item.Bids.ToString(CultureInfo.InvariantCulture))
            .Raw("件</span></li><li><span>残り時間</span><span>"u8).Raw(YahooTime.Remaining(ended ? TimeSpan.Zero : item.EndTime - now))
            .Raw("</span></li><li><span>個数</span><span>"u8).Raw(item.Quantity.ToString(CultureInfo.InvariantCulture))
            .Raw("</span></li><li><span>終了日時</span><span>"u8).Raw(YahooTime.Formatted(item.EndTime))
            .Raw("</span></li><li><span>オークションID</span><span>"u8).Raw(id)
            .Raw("</span></li><li><span>出品者</span><a href=\"https://auctions.yahoo.co.jp/seller/sandbox\">"u8).Text(item.Seller)
            .Raw("</a></li></ul></div></div></main><footer class=\"gv-l-footer--dilRbQ0Tr8XNrk2h582d\"><p class=\"gv-Footer__copyright--BxicQBzMQiHe8I06vBe4\"><small>© LY Corporation</small></p></footer></div></div>\n<script>var pageData = "u8);
        WritePageData(page, item, ended);
        page.Raw(";</script>\n<script id=\"__NEXT_DATA__\" type=\"application/json\">"u8);
        WriteNextData(page, item, now, ended);
        page.Raw("</script></body></html>"u8);
        return page.ToArray();
    }

    private static void WritePageData(PageWriter page, YahooItem item, bool ended)
    {
        using var w = new Utf8JsonWriter(page.Buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("items");
        w.WriteString("productID", item.AuctionId);
        w.WriteString("productName", item.Title);
        w.WriteString("productCategoryID", "2084055844");
        w.WriteString("price", item.Price.ToString(CultureInfo.InvariantCulture));
        w.WriteString("winPrice", (item.BuyNowPrice ?? 0).ToString(CultureInfo.InvariantCulture));
        w.WriteString("quantity", item.Quantity.ToString(CultureInfo.InvariantCulture));
        w.WriteString("bids", item.Bids.ToString(CultureInfo.InvariantCulture));
        w.WriteString("isClosed", ended ? "1" : "0");
        w.WriteString("hasWinner", ended && item.Bids > 0 ? "1" : "0");
        w.WriteString("starttime", YahooTime.Plain(item.StartTime));
        w.WriteString("endtime", YahooTime.Plain(item.EndTime));
        w.WriteString("sellerID", item.Seller);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNextData(PageWriter page, YahooItem item, DateTimeOffset now, bool ended)
    {
        var itemJson = new System.Buffers.ArrayBufferWriter<byte>(8 * 1024);
        using (var itemWriter = new Utf8JsonWriter(itemJson, WriterOptions))
        {
            YahooItemJson.Write(itemWriter, item, now, ended);
        }

        using var w = new Utf8JsonWriter(page.Buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("props");
        w.WriteStartObject("pageProps");
        w.WriteStartObject("initialProps");
        w.WriteString("device", "pc");
        w.WriteBoolean("useGtm", true);
        w.WriteEndObject();
        w.WritePropertyName("initialState");
        WriteInitialState(w, itemJson.WrittenSpan);
        w.WriteEndObject();
        w.WritePropertyName("initialState");
        WriteInitialState(w, itemJson.WrittenSpan);
        w.WriteEndObject();
        w.WriteString("page", "/jp/auction/[aid]");
        w.WriteStartObject("query");
        w.WriteString("aid", item.AuctionId);
        w.WriteEndObject();
        w.WriteString("buildId", "webfe_1.397.1");
        w.WriteString("assetPrefix", "https://auction-assets.c.yimg.jp/webfe/1.397.1");
        w.WriteBoolean("isFallback", false);
        w.WriteBoolean("isExperimentalCompile", false);
        w.WriteBoolean("gip", true);
        w.WriteBoolean("appGip", true);
        w.WriteStartArray("scriptLoader");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteInitialState(Utf8JsonWriter w, ReadOnlySpan<byte> itemJson)
    {
        w.WriteStartObject();
        w.WriteStartObject("item");
        w.WriteStartObject("bid");
        w.WriteBoolean("isFetchingPreviewItem", false);
        w.WriteBoolean("isBidUpdating", false);
        w.WriteEndObject();
        w.WriteStartObject("detail");
        w.WriteBoolean("isFetching", false);
        w.WritePropertyName("item");
        w.WriteRawValue(itemJson, skipInputValidation: true);
        w.WriteEndObject();
        w.WriteStartObject("summary");
        w.WriteBoolean("isFetching", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("common");
        w.WriteStartObject("app");
        w.WriteString("browserLanguage", "ja");
        w.WriteBoolean("isSSR", true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
