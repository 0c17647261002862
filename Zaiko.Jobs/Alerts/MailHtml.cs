using System.Net;
using System.Text;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// HTML for mail that reads the same in Gmail and Outlook: nested tables for layout, every style inline (Gmail
/// drops style blocks, Outlook ignores most CSS layout), fixed 640 px width, Japanese-capable font stack.
/// Every value passed in is text and is encoded here.
/// </summary>
internal static class MailHtml
{
    public const string Font = "'Hiragino Kaku Gothic ProN','Hiragino Sans',Meiryo,'Yu Gothic','Segoe UI',Arial,sans-serif";
    private const string Cell = "padding:6px 10px;border:1px solid #dfe1e6;font-size:13px;vertical-align:top;";

    public static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>The whole document: a banner in <paramref name="colour"/> with the title, then the sections.</summary>
    public static string Document(string title, string colour, IEnumerable<string> sections)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Encode(title)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f4f5f7;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f4f5f7\" style=\"background-color:#f4f5f7;\">")
            .Append("<tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" ")
            .Append("style=\"width:640px;max-width:640px;background-color:#ffffff;border:1px solid #dfe1e6;font-family:").Append(Font)
            .Append(";color:#172b4d;font-size:14px;line-height:1.6;\">")
            .Append("<tr><td bgcolor=\"").Append(colour).Append("\" style=\"background-color:").Append(colour)
            .Append(";color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;font-family:").Append(Font).Append(";\">")
            .Append(Encode(title)).Append("</td></tr>");
        foreach (var section in sections)
        {
            html.Append("<tr><td style=\"padding:16px 24px;font-family:").Append(Font).Append(";\">").Append(section).Append("</td></tr>");
        }

        html.Append("<tr><td style=\"padding:12px 24px;color:#6b778c;font-size:12px;font-family:").Append(Font)
            .Append(";\">Zaiko 在庫同期 — このメールは自動送信されています。</td></tr>")
            .Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    public static string Heading(string text) =>
        $"<h2 style=\"margin:0 0 8px 0;font-size:16px;color:#172b4d;font-family:{Font};\">{Encode(text)}</h2>";

    public static string Paragraph(string text) => $"<p style=\"margin:0 0 8px 0;font-family:{Font};\">{Encode(text)}</p>";

    /// <summary>Label/value rows, labels in a shaded first column.</summary>
    public static string Fields(IEnumerable<(string Label, string Value)> fields)
    {
        var html = new StringBuilder(TableOpen());
        foreach (var (label, value) in fields)
        {
            html.Append("<tr><th align=\"left\" width=\"140\" bgcolor=\"#f4f5f7\" style=\"").Append(Cell).Append("background-color:#f4f5f7;width:140px;\">")
                .Append(Encode(label)).Append("</th><td style=\"").Append(Cell).Append("\">").Append(Encode(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A data table; <paramref name="numeric"/> marks the columns aligned right. Cells may carry their own colour.</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<(string Text, string? Colour)>> rows, ISet<int>? numeric = null)
    {
        var html = new StringBuilder(TableOpen()).Append("<tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append("<th align=\"").Append(Align(i, numeric)).Append("\" bgcolor=\"#f4f5f7\" style=\"").Append(Cell)
                .Append("background-color:#f4f5f7;white-space:nowrap;\">").Append(Encode(headers[i])).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var colour = row[i].Colour is { } c ? $"color:{c};font-weight:bold;" : "";
                html.Append("<td align=\"").Append(Align(i, numeric)).Append("\" style=\"").Append(Cell).Append(colour).Append("\">")
                    .Append(Encode(row[i].Text)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string TableOpen() =>
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" " +
        $"style=\"width:100%;border-collapse:collapse;font-family:{Font};\">";

    private static string Align(int column, ISet<int>? numeric) => numeric?.Contains(column) == true ? "right" : "left";
}
