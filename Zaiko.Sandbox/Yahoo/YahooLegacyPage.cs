using System.Globalization;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// The 2017–2023 BEM layout (<c>ProductTitle__text</c>, <c>Price--current</c>, <c>Count__number</c>,
/// <c>ProductDetail__item</c>, <c>Seller__name</c>), served for items set to <c>layout: "legacy"</c> to simulate a
/// layout change. Like the real pages of that era it carries neither <c>__NEXT_DATA__</c> nor <c>pageData</c>.
/// </summary>
public static class YahooLegacyPage
{
    public static byte[] Render(YahooItem item, DateTimeOffset now, bool ended)
    {
        var page = new PageWriter(8 * 1024);
        var id = item.AuctionId;
        page.Raw("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n<html lang=\"ja\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n<title>"u8)
            .Text(item.Title).Raw(" - ヤフオク!</title>\n</head>\n<body class=\"yj950-3\">\n<p class=\"SandboxNotice\">Zaiko サンドボックス：これはデモ用の架空の出品です（DEMO DATA）</p>\n"u8);
        if (ended)
        {
            page.Raw("<div class=\"ClosedHeader\" id=\"closedHeader\">\n<div class=\"ClosedHeader__tag\">\n  <p>このオークションは終了しています</p>\n</div>\n</div>\n"u8);
        }

        page.Raw("<div class=\"ProductTitle\"><div class=\"ProductTitle__title\"><h1 class=\"ProductTitle__text\">"u8).Text(item.Title)
            .Raw("</h1></div></div>\n<div class=\"ProductDetail\">\n<div class=\"ProductDetail__body\">\n<ul class=\"ProductDetail__items ProductDetail__items--primary\">\n"u8);
        DetailRow(page, "個数", item.Quantity.ToString(CultureInfo.InvariantCulture));
        DetailRow(page, "開始日時", YahooTime.Legacy(item.StartTime));
        DetailRow(page, "終了日時", YahooTime.Legacy(item.EndTime));
        DetailRow(page, "開始価格", $"{item.InitPrice.ToString("N0", CultureInfo.InvariantCulture)} 円（税 0 円）");
        DetailRow(page, "オークションID", id);
        page.Raw("</ul>\n</div>\n</div><!-- /.ProductDetail -->\n<div class=\"ProductInformation\">\n<ul class=\"ProductInformation__items\">\n<li class=\"ProductInformation__item\">\n<div class=\"Count\">\n<ul class=\"Count__counts\">\n<li class=\"Count__count\">\n<dl>\n<dt class=\"Count__title\">入札件数</dt>\n<dd class=\"Count__number\">"u8)
            .Raw(item.Bids.ToString(CultureInfo.InvariantCulture))
            .Raw("<a href=\"https://auctions.yahoo.co.jp/jp/show/bid_hist?aID="u8).Raw(id)
            .Raw("\" rel=\"nofollow\" class=\"Count__note\">入札履歴</a></dd>\n</dl>\n</li>\n<li class=\"Count__count Count__count--sideLine\">\n<dl>\n<dt class=\"Count__title\">残り時間</dt>\n<dd class=\"Count__number\">"u8)
            .Raw(YahooTime.Remaining(ended ? TimeSpan.Zero : item.EndTime - now))
            .Raw("\n<a href=\"https://page.auctions.yahoo.co.jp/jp/show/countdown?aID="u8).Raw(id)
            .Raw("\" rel=\"nofollow\" class=\"Count__note\">詳細</a>\n</dd>\n</dl>\n</li>\n</ul>\n</div>\n</li>\n<li class=\"ProductInformation__item\">\n"u8);
        PriceBlock(page, "Price--current", "現在価格", item.Price);
        if (item.BuyNowPrice is { } buyNow)
        {
            PriceBlock(page, "Price--buynow", "即決価格", buyNow);
        }

        page.Raw("</li>\n<li class=\"ProductInformation__item\">\n<dl class=\"Seller\">\n<dt class=\"Seller__title\"><p class=\"Seller__titleText\">出品者情報</p></dt>\n<dd class=\"Seller__card\">\n<span class=\"Seller__name\"><a href=\"https://auctions.yahoo.co.jp/seller/"u8)
            .Text(item.Seller).Raw("\">"u8).Text(item.Seller)
            .Raw("</a><span class=\"Seller__honorific\">さん</span></span>\n</dd>\n</dl>\n</li>\n</ul>\n</div><!-- /.ProductInformation -->\n</body>\n</html>\n"u8);
        return page.ToArray();
    }

    /// <summary>Tax-inclusive price as the old layout printed it: 10 % consumption tax, rounded down.</summary>
    private static long TaxIncluded(long price) => price * 11 / 10;

    private static void DetailRow(PageWriter page, string title, string value) =>
        page.Raw("<li class=\"ProductDetail__item\">\n<dl>\n<dt class=\"ProductDetail__title\">"u8).Raw(title)
            .Raw("</dt>\n<dd class=\"ProductDetail__description\"><span class=\"ProductDetail__bullet\">：</span>"u8).Text(value)
            .Raw("</dd>\n</dl>\n</li>\n"u8);

    private static void PriceBlock(PageWriter page, string modifier, string title, long price) =>
        page.Raw("<div class=\"Price "u8).Raw(modifier).Raw("\">\n<div class=\"Price__borderBox\">\n<dl class=\"Price__body\">\n<dt class=\"Price__title\">"u8)
            .Raw(title).Raw("</dt>\n<dd class=\"Price__value\">\n"u8).Raw(price.ToString("N0", CultureInfo.InvariantCulture))
            .Raw("円<span class=\"Price__tax u-fontSize14\">（税込 "u8).Raw(TaxIncluded(price).ToString("N0", CultureInfo.InvariantCulture))
            .Raw(" 円）</span>\n</dd>\n</dl>\n</div>\n</div>\n"u8);
}
