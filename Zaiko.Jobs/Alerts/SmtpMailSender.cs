using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Zaiko.Data.Settings;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Sends through the SMTP server of the alert settings (MailKit): STARTTLS or TLS on connect as set, and the
/// password from configuration. With no server set it writes the message to the <see cref="MailDropFolder"/>.
/// The settings are read per message, so a server configured by staff is used from the next mail on.
/// </summary>
public sealed partial class SmtpMailSender(
    SettingsStore settingsStore,
    MailDropFolder dropFolder,
    IOptions<AlertOptions> options,
    ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(AlertSettings.Key, AlertSettings.Default, cancellationToken);
        if (!settings.UsesSmtp)
        {
            var path = await dropFolder.WriteAsync(message, cancellationToken);
            LogWritten(logger, message.MessageId, path);
            return path;
        }

        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.Value.SmtpTimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, options.Value.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, message.MessageId, message.To.Count, smtp.Host, smtp.Port);
        return smtp.Host;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} sent to {Recipients} recipients through {Host}:{Port}")]
    private static partial void LogSent(ILogger logger, string? messageId, int recipients, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} written to {Path} (no SMTP server is set)")]
    private static partial void LogWritten(ILogger logger, string? messageId, string path);
}
