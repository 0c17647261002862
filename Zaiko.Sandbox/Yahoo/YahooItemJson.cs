using System.Globalization;
using System.Text.Json;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// The 2025 Next.js item object (<c>initialState.item.detail.item</c>) with the real page's field names and JSON
/// types: price as a number, <c>featuredPrice</c> as a <c>"0.000000"</c> string, times ISO-8601 in +09:00.
/// </summary>
public static class YahooItemJson
{
    public static void Write(Utf8JsonWriter w, YahooItem item, DateTimeOffset now, bool ended)
    {
        var id = item.AuctionId;
        var sellerId = "zk" + StableHash.Of(item.Seller).ToString("x8", CultureInfo.InvariantCulture) + "SandboxUser";
        var ratings = StableHash.Between(item.Seller, 1, 10, 5000);
        var left = ended ? 0 : Math.Max(0, (item.EndTime - now).TotalSeconds);
        w.WriteStartObject();
        w.WriteStartObject("seller");
        w.WriteStartObject("rating");
        w.WriteString("goodRating", "100%");
        w.WriteNumber("summary", ratings);
        w.WriteStartObject("ult");
        w.WriteNumber("goodPoint", ratings);
        w.WriteNumber("badPoint", 0);
        w.WriteNumber("allPoint", ratings);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("aucUserId", sellerId);
        w.WriteString("crumb", "");
        w.WriteString("listUrl", $"https://auctions.yahoo.co.jp/seller/{sellerId}?user_type=c");
        w.WriteBoolean("useBooth3", false);
        w.WriteBoolean("isStore", false);
        w.WriteBoolean("isStoreYpaymentUser", false);
        w.WriteString("iconUrl", "https://displayname-pctr.c.yimg.jp/d/display-name/" + sellerId + ".jpg");
        w.WriteBoolean("hasNickname", false);
        w.WriteString("sellerMessage", "");
        w.WriteBoolean("hasYPaymentAccount", true);
        w.WriteBoolean("isExcellentSeller", ratings > 300);
        w.WriteStartObject("location");
        w.WriteString("prefecture", "東京都");
        w.WriteString("prefCode", "13");
        w.WriteEndObject();
        w.WriteStartObject("ekycStatus");
        w.WriteString("status", "2");
        w.WriteEndObject();
        w.WriteStartObject("sellerPerformance");
        w.WriteBoolean("isSpeedShipping", true);
        w.WriteEndObject();
        w.WriteString("displayName", item.Seller);
        w.WriteStartArray("storeLicences");
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("payment");
        w.WriteStartObject("easyPayment");
        w.WriteBoolean("isCreditCard", true);
        w.WriteBoolean("isPayPay", true);
        w.WriteBoolean("isNetBank", true);
        w.WriteBoolean("allowInstallment", false);
        w.WriteEndObject();
        w.WriteStartArray("otherPaymentMethodsForDisplay");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("coupon");
        w.WriteBoolean("isEnabled", true);
        w.WriteEndObject();

        w.WriteString("auctionId", id);
        w.WriteString("keyword", " その他,デモ ");
        w.WriteString("title", item.Title);
        w.WriteString("auctionItemUrl", "https://auctions.yahoo.co.jp/jp/auction/" + id);
        WriteImages(w, id);
        w.WriteString("crumb", "");
        w.WriteNumber("initPrice", item.InitPrice);
        w.WriteNumber("price", item.Price);
        w.WriteNumber("quantity", item.Quantity);
        w.WriteNumber("watchListNum", StableHash.Between(id, 2, 0, 60));
        w.WriteNumber("bids", item.Bids);
        w.WriteNumber("biddersNum", item.Bids == 0 ? 0 : Math.Max(1, (item.Bids + 1) / 2));
        // The paid 注目のオークション placement amount, unrelated to buy-now; no sandbox item buys the placement.
        w.WriteString("featuredPrice", "0.000000");
        if (item.BuyNowPrice is { } buyNow)
        {
            w.WriteNumber("bidorbuy", buyNow);
            w.WriteNumber("taxinBidorbuy", buyNow);
        }

        w.WriteStartObject("itemReturnable");
        w.WriteBoolean("allowed", false);
        w.WriteEndObject();
        w.WriteString("startTime", YahooTime.Iso(item.StartTime));
        w.WriteString("endTime", YahooTime.Iso(item.EndTime));
        w.WriteString("formattedEndTime", YahooTime.Formatted(item.EndTime));
        w.WriteNumber("leftTime", Math.Round(left, 3));
        w.WriteBoolean("isExtendedAuction", false);
        w.WriteStartObject("timeForBrightTag");
        w.WriteString("endTime", YahooTime.Plain(item.EndTime));
        w.WriteString("startTime", YahooTime.Plain(item.StartTime));
        w.WriteEndObject();
        w.WriteStartObject("timeForUlt");
        w.WriteNumber("endTime", item.EndTime.ToUnixTimeSeconds());
        w.WriteNumber("startTime", item.StartTime.ToUnixTimeSeconds());
        w.WriteEndObject();
        w.WriteString("endStatus", YahooTime.EndStatus(item.EndTime, now, ended));
        w.WriteBoolean("isBidCreditRestrictions", false);
        w.WriteBoolean("isIdentityDocsBidRestriction", false);
        w.WriteBoolean("isBidderRestrictions", true);
        w.WriteBoolean("isBidderRatioRestrictions", true);
        w.WriteBoolean("isOffer", false);
        w.WriteBoolean("isEarlyClosing", true);
        w.WriteBoolean("isAutomaticExtension", true);
        w.WriteBoolean("isFleaMarket", item.Quantity > 1);
        w.WriteStartObject("option");
        w.WriteBoolean("isTradingNaviAuction", true);
        w.WriteEndObject();
        w.WriteString("chargeForShipping", "winner");
        w.WriteNumber("answeredQAndANum", 0);
        w.WriteNumber("unAnsweredQAndANum", 0);
        w.WriteString("status", ended ? YahooItem.Closed : YahooItem.Open);
        w.WriteString("shopType", "");
        w.WriteString("inquiryUrl", "https://auctions.yahoo.co.jp/jp/show/qanda?aID=" + id);
        WriteCategory(w);
        w.WriteBoolean("isDSK", true);
        w.WriteBoolean("isShowQA", true);
        w.WriteString("conditionName", item.Condition);
        w.WriteBoolean("isWorldwideDelivery", false);
        w.WriteString("shipScheduleName", "支払い手続きから1～2日で発送");
        w.WriteBoolean("isPrivacyDeliveryAvailable", true);
        WriteShipping(w);
        w.WriteBoolean("isNeedAgreementDelivery", true);
        WriteHighestBidders(w, item);
        w.WriteBoolean("isListingExternalFleaMarket", false);
        var description = "【デモ商品】Zaiko サンドボックスの架空の出品です。実在の商品ではありません。 " + item.Title;
        w.WriteStartObject("descriptionUlt");
        w.WriteNumber("rawDescriptionLength", description.Length);
        w.WriteBoolean("isOriginHtml", true);
        w.WriteEndObject();
        w.WriteStartArray("description");
        w.WriteStringValue(description);
        w.WriteEndArray();
        w.WriteString("descriptionHtml", "<DIV ALIGN=left><B>" + System.Net.WebUtility.HtmlEncode(description) + "</B></DIV>");
        w.WriteEndObject();
    }

    private static void WriteImages(Utf8JsonWriter w, string id)
    {
        w.WriteStartArray("img");
        var count = StableHash.Between(id, 3, 1, 4);
        for (var i = 0; i < count; i++)
        {
            var image = $"https://auctions.c.yimg.jp/images.auctions.yahoo.co.jp/image/dr000/auc0101/user/sandbox/i-img1200x900-{id}-{i + 1}.jpg";
            w.WriteStartObject();
            w.WriteString("image", image);
            w.WriteNumber("width", 1200);
            w.WriteNumber("height", 900);
            w.WriteString("thumbnail", "https://auc-pctr.c.yimg.jp/i/" + image[8..] + "?pri=l&w=214&h=214&up=0");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCategory(Utf8JsonWriter w)
    {
        w.WriteStartObject("category");
        w.WriteStartArray("path");
        (string Id, string Name)[] path = [("0", "オークション"), ("26084", "その他"), ("2084055844", "デモ")];
        for (var i = 0; i < path.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", path[i].Id);
            w.WriteString("name", path[i].Name);
            w.WriteNumber("node", i);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        foreach (var flag in (ReadOnlySpan<string>)["isAdult", "isGuarantee", "isCar", "isBicycleBody", "isSpecialCar",
                     "isTotalAmountDisplayCategory", "isTire", "isTireWheel", "isEnableMyCar", "isInsuranceAppliances",
                     "isInsuranceSmartphone", "isSpecific", "isOver18", "isOver20", "isCharity", "isAnyoneBiddable"])
        {
            w.WriteBoolean(flag, false);
        }

        w.WriteString("farm", "3");
        w.WriteBoolean("isKCategory", false);
        w.WriteBoolean("isLoan", false);
        w.WriteEndObject();
    }

    private static void WriteShipping(Utf8JsonWriter w)
    {
        w.WriteStartObject("shippingUlt");
        w.WriteNumber("shipSchedule", 2);
        w.WriteString("shippingInputCode", "now");
        w.WriteBoolean("isJpOfficialYupack", false);
        w.WriteBoolean("isJpOfficialYupacket", false);
        w.WriteBoolean("isYahunekoNekoposu", true);
        w.WriteBoolean("isYahunekoTaqbin", false);
        w.WriteBoolean("isYahunekoTaqbincom", false);
        w.WriteNumber("numOtherDelivery", 0);
        w.WriteBoolean("hasBaggageSize", true);
        w.WriteEndObject();
    }

    private static void WriteHighestBidders(Utf8JsonWriter w, YahooItem item)
    {
        w.WriteStartObject("highestBidders");
        w.WriteNumber("totalHighestBidders", item.Bids > 0 ? 1 : 0);
        w.WriteBoolean("isMore", false);
        w.WriteStartArray("bidder");
        if (item.Bids > 0)
        {
            w.WriteStartObject();
            w.WriteString("displayName", "入札者" + StableHash.Between(item.AuctionId, 4, 100, 999).ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("ratingSummary", StableHash.Between(item.AuctionId, 5, 0, 900));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
