namespace Zaiko.Jobs.Alerts;

/// <summary>
/// The SMTP server alerts and the daily summary go through (part of <see cref="AlertSettings"/>). The password
/// is not here: it comes from configuration (Alerts:Smtp:Password), never from the database.
/// </summary>
public sealed record SmtpSettings
{
    /// <summary>Empty: no server; mail is written as .eml files to the mail folder instead.</summary>
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Empty: the server is used without authentication.</summary>
    public string Username { get; init; } = "";
}
