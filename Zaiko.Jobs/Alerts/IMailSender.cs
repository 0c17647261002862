using MimeKit;

namespace Zaiko.Jobs.Alerts;

/// <summary>Sends one composed message; throws when it could not be handed over, so the calling job is retried.</summary>
public interface IMailSender
{
    /// <returns>Where the message went: the SMTP server's host, or the path of the .eml file.</returns>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
