using System.Text;
using MimeKit;
using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>An alert as mail: the subject line, a plain-text part and an HTML part with the same facts.</summary>
public static class AlertEmailComposer
{
    public static MimeMessage Compose(StoredAlert alert, AlertSettings settings)
    {
        var subject = AlertText.Subject(alert);
        var fields = AlertText.Fields(alert);
        var message = MailMessages.Create(settings, subject, alert.CreatedAt, Text(alert, fields), Html(alert, subject, fields));
        message.Headers.Add("X-Zaiko-Alert", alert.DedupKey);
        return message;
    }

    private static string Text(StoredAlert alert, IReadOnlyList<AlertField> fields)
    {
        var text = new StringBuilder()
            .Append('[').Append(AlertText.Level(alert.Level)).Append("] ").AppendLine(AlertText.Kind(alert.Kind))
            .AppendLine();
        foreach (var field in fields)
        {
            text.Append(field.Label).Append(": ").AppendLine(field.Value);
        }

        return text.AppendLine().AppendLine("-- ").AppendLine("Zaiko 在庫同期 (自動送信)").ToString();
    }

    private static string Html(StoredAlert alert, string subject, IReadOnlyList<AlertField> fields) =>
        MailHtml.Document(subject, AlertText.Colour(alert.Level),
        [
            MailHtml.Heading($"{AlertText.Level(alert.Level)}: {AlertText.Kind(alert.Kind)}") + MailHtml.Fields(fields.Select(field => (field.Label, field.Value))),
        ]);
}
