using System.Globalization;
using System.Text;
using MimeKit;
using Zaiko.Data;
using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>The daily summary as mail: overview, KPIs with their verdicts, executions, top errors and held listings.</summary>
public static class DailySummaryComposer
{
    private const string Met = "#1B7F3B";
    private const string Missed = "#C62828";
    private const string NoData = "#6B778C";

    /// <summary>"[Zaiko] 日次サマリー 2026-11-28 (土)", with the number of missed KPIs when there are any.</summary>
    public static string Subject(DailySummaryReport report)
    {
        var missed = report.Kpis.Count(k => k.Met == false);
        return $"[Zaiko] 日次サマリー {JstTime.FormatDay(report.Day)}" + (missed > 0 ? Invariant($" — KPI未達 {missed}件") : "");
    }

    public static MimeMessage Compose(DailySummaryReport report, AlertSettings settings, DateTimeOffset now) =>
        MailMessages.Create(settings, Subject(report), now, Text(report), Html(report));

    /// <summary>The overview rows both parts start with.</summary>
    public static IReadOnlyList<(string Label, string Value)> Overview(DailySummaryReport report)
    {
        var figures = report.Figures;
        var success = report.SuccessRatePct is { } rate
            ? Invariant($"{rate:0.0} % ({report.CompletedRuns}/{report.FinishedRuns})")
            : "データなし";
        return
        [
            ("対象日", $"{JstTime.FormatDay(report.Day)} 00:00〜24:00 JST"),
            ("実行回数", Invariant($"{figures.Executions.Sum(e => e.Runs)} 回 (終了 {report.FinishedRuns} 回)")),
            ("成功率", success),
            ("在庫変動", Invariant($"{figures.Changes.StockChanges} 件 (うち在庫切れ {figures.Changes.StockOuts} 件)")),
            ("価格変動", Invariant($"{figures.Changes.PriceChanges} 件")),
            ("エラー", Invariant($"{figures.ErrorCount} 件")),
            ("確認待ち", Invariant($"{figures.HeldProductCount} 商品 ({figures.HeldListingCount} 出品)")),
        ];
    }

    private static string Text(DailySummaryReport report)
    {
        var figures = report.Figures;
        var text = new StringBuilder().AppendLine(Subject(report));
        Section(text, "概要", Overview(report).Select(row => $"{row.Label}: {row.Value}"));
        Section(text, "KPI (目標)", report.Kpis.Select(k => $"{k.Name}: {k.DisplayValue} (目標 {k.DisplayTarget}) {k.DisplayVerdict}"));
        Section(text, "実行", figures.Executions.Select(e => Invariant(
            $"{ProcessName(e.ProcessType)}: {e.Runs} 回 (完了 {e.Completed} / 一部 {e.Partial} / 失敗 {e.Failed} / スキップ {e.Skipped}), 処理 {e.Processed} 件, 更新 {e.Updated} 件, エラー {e.Errors} 件")),
            "実行はありませんでした。");
        Section(text, "エラー上位5件", figures.TopErrors.Select((e, i) => Invariant(
            $"{i + 1}. {AlertText.Kind(e.ErrorType)} ({e.ErrorType}): {e.Count} 件, 最大重要度 {Severity(e.HighestSeverity)}")),
            "エラーはありませんでした。");
        Section(text, "確認待ちの商品", figures.HeldListings.Select(h =>
            $"{h.Sku} {h.Title} [{AlertText.Platform(h.Platform)}] {(h.PriceOnly ? "価格のみ保留" : "保留")}: {h.Reason}")
            .Concat(figures.HeldListingCount > figures.HeldListings.Count ? [Invariant($"ほか {figures.HeldListingCount - figures.HeldListings.Count} 件")] : []),
            "ありません。");
        return text.AppendLine().AppendLine("-- ").AppendLine("Zaiko 在庫同期 (自動送信)").ToString();
    }

    private static string Html(DailySummaryReport report)
    {
        var figures = report.Figures;
        var missed = report.Kpis.Any(k => k.Met == false);
        var held = MailHtml.Heading("確認待ちの商品") + (figures.HeldListings.Count == 0
            ? MailHtml.Paragraph("ありません。")
            : MailHtml.Table(["SKU", "商品", "チャネル", "保留", "理由"],
                figures.HeldListings.Select(h => Row(h.Sku, h.Title, AlertText.Platform(h.Platform), h.PriceOnly ? "価格のみ" : "全体", h.Reason)))
              + (figures.HeldListingCount > figures.HeldListings.Count
                  ? MailHtml.Paragraph(Invariant($"ほか {figures.HeldListingCount - figures.HeldListings.Count} 件")) : ""));
        return MailHtml.Document(Subject(report), missed ? Missed : "#0052CC",
        [
            MailHtml.Heading("概要") + MailHtml.Fields(Overview(report)),
            MailHtml.Heading("KPI") + MailHtml.Table(["指標", "実績", "目標", "判定"],
                report.Kpis.Select(k => Row(k.Name, k.DisplayValue, k.DisplayTarget).Append((k.DisplayVerdict, Verdict(k.Met))).ToArray())),
            MailHtml.Heading("実行") + (figures.Executions.Count == 0 ? MailHtml.Paragraph("実行はありませんでした。") :
                MailHtml.Table(["処理", "回数", "完了", "一部", "失敗", "スキップ", "処理件数", "更新", "エラー"],
                    figures.Executions.Select(e => Row(ProcessName(e.ProcessType), Number(e.Runs), Number(e.Completed), Number(e.Partial),
                        Number(e.Failed), Number(e.Skipped), Number(e.Processed), Number(e.Updated), Number(e.Errors))),
                    new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 })),
            MailHtml.Heading("エラー上位5件") + (figures.TopErrors.Count == 0 ? MailHtml.Paragraph("エラーはありませんでした。") :
                MailHtml.Table(["種別", "件数", "最大重要度"],
                    figures.TopErrors.Select(e => Row($"{AlertText.Kind(e.ErrorType)} ({e.ErrorType})", Number(e.Count), Severity(e.HighestSeverity))),
                    new HashSet<int> { 1 })),
            held,
        ]);
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines, string? whenEmpty = null)
    {
        text.AppendLine().Append("■ ").AppendLine(title);
        var any = false;
        foreach (var line in lines)
        {
            text.Append("  ").AppendLine(line);
            any = true;
        }

        if (!any && whenEmpty is not null)
        {
            text.Append("  ").AppendLine(whenEmpty);
        }
    }

    private static (string Text, string? Colour)[] Row(params string[] cells) => cells.Select(cell => (cell, (string?)null)).ToArray();

    private static string Verdict(bool? met) => met switch
    {
        true => Met,
        false => Missed,
        null => NoData,
    };

    private static string ProcessName(string processType) =>
        Japanese.ProcessType(processType) is var name && name != processType ? $"{name} ({processType})" : processType;

    private static string Severity(string severity) => Japanese.Severity(severity);

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
