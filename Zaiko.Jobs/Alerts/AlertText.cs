using System.Globalization;
using Zaiko.Data;
using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>The Japanese wording (and colour) of alerts, shared by every channel so mail, Slack and webhook say the same.</summary>
public static class AlertText
{
    /// <summary>The kind of a stock-out alert, read from stock_history rather than from an error.</summary>
    public const string StockOutKind = "stock-out";

    private const int SubjectSummaryLength = 60;

    public static string Level(string level) => level switch
    {
        AlertLevels.Critical => "重大",
        AlertLevels.Error => "エラー",
        AlertLevels.Warning => "警告",
        _ => "情報",
    };

    /// <summary>The colour of a level in Slack attachments and mail banners.</summary>
    public static string Colour(string level) => level switch
    {
        AlertLevels.Critical => "#B71C1C",
        AlertLevels.Error => "#E53935",
        AlertLevels.Warning => "#F9A825",
        _ => "#1E88E5",
    };

    public static string Kind(string kind) => kind == StockOutKind ? "在庫切れ" : Japanese.ErrorType(kind);

    public static string Platform(string? platform) => Japanese.Platform(platform);

    /// <summary>"[Zaiko][重大] レイアウト変更: 商品名 (他14件)".</summary>
    public static string Subject(string level, string kind, string? productTitle, string message, int repeats)
    {
        var summary = Shorten(string.IsNullOrWhiteSpace(productTitle) ? message : productTitle, SubjectSummaryLength);
        var more = repeats > 0 ? string.Create(CultureInfo.InvariantCulture, $" (他{repeats}件)") : "";
        return $"[Zaiko][{Level(level)}] {Kind(kind)}: {summary}{more}";
    }

    public static string Subject(StoredAlert alert) => Subject(alert.Level, alert.Kind, alert.ProductTitle, alert.Message, alert.RepeatsReported);

    /// <summary>What the repeats folded into an alert mean, or null when there were none.</summary>
    public static string? Repeats(int repeats) => repeats > 0
        ? string.Create(CultureInfo.InvariantCulture, $"前回の通知以降、同じ事象がほかに {repeats} 件ありました（通知の抑制期間中のため個別には送っていません）。")
        : null;

    /// <summary>The facts every channel shows, in this order.</summary>
    public static IReadOnlyList<AlertField> Fields(StoredAlert alert)
    {
        var fields = new List<AlertField>();
        if (alert.ProductTitle is not null || alert.Sku is not null)
        {
            fields.Add(new AlertField("商品", alert.Sku is null ? alert.ProductTitle! : $"{alert.ProductTitle} (SKU {alert.Sku})", true));
        }

        var source = string.Join(" ", new[] { Platform(alert.Platform), alert.SourceUrl }.Where(part => !string.IsNullOrEmpty(part)));
        if (source.Length > 0)
        {
            fields.Add(new AlertField("ソース", source, true));
        }

        fields.Add(new AlertField("メッセージ", alert.Message, false));
        fields.Add(new AlertField("発生日時", JstTime.Format(alert.OccurredAt), true));
        fields.Add(new AlertField("ホスト", alert.Host, true));
        if (alert.ExecutionId is { } execution)
        {
            fields.Add(new AlertField("実行ID", execution.ToString(), true));
        }

        if (Repeats(alert.RepeatsReported) is { } repeats)
        {
            fields.Add(new AlertField("抑制された件数", repeats, false));
        }

        return fields;
    }

    /// <summary>The message of a stock-out read from stock_history.</summary>
    public static string StockOutMessage(StockOutEvent stockOut) => string.Create(CultureInfo.InvariantCulture,
        $"{Platform(stockOut.SourcePlatform)} {stockOut.SourceProductId} の在庫が {stockOut.PreviousStock} から 0 になりました。");

    private static string Shorten(string text, int length)
    {
        var line = string.Join(" ", text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
