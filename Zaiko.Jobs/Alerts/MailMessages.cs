using MimeKit;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// The envelope every Zaiko mail shares: sender and recipients from the settings, a plain-text and an HTML
/// part (multipart/alternative), UTF-8 throughout. Prepared for 7-bit transport, so Japanese subjects are
/// RFC 2047 encoded-words and the bodies base64 or quoted-printable: any relay passes them intact.
/// </summary>
internal static class MailMessages
{
    public static MimeMessage Create(AlertSettings settings, string subject, DateTimeOffset date, string text, string html)
    {
        var message = new MimeMessage();
        var from = MailboxAddress.Parse(settings.FromAddress);
        from.Name = settings.FromName;
        message.From.Add(from);
        if (settings.EmailRecipients.Length == 0)
        {
            // Only reached without an SMTP server: the .eml file still shows the message, addressed to nobody.
            message.To.Add(new GroupAddress("undisclosed-recipients"));
        }

        foreach (var recipient in settings.EmailRecipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = subject;
        message.Date = date;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }
}
