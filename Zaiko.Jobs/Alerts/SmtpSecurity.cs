using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Alerts;

/// <summary>How the SMTP connection is secured; stored by name in the settings JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmtpSecurity>))]
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS: only for a relay on the same machine or network.</summary>
    None,

    /// <summary>Connect in plain text, then STARTTLS before anything else (port 587); refuses a server without it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
