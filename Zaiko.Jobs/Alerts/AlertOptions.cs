using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Section "Alerts": what belongs to the machine rather than to staff settings — where .eml files go, secrets,
/// and which hosts the generic webhook may reach (an operator's decision: a database setting alone can never
/// point the server at a new host).
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Where mail is written as .eml files when no SMTP server is set; relative to the working directory.</summary>
    [Required]
    [StringLength(1000, MinimumLength = 1)]
    public string MailDirectory { get; init; } = ".zaiko/mail";

    [Required]
    public AlertSmtpOptions Smtp { get; init; } = new();

    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; init; } = 30;

    /// <summary>Signs each generic webhook body (header X-Zaiko-Signature: sha256=HMAC); empty: unsigned.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Host names the generic webhook may post to (exact, or with one * for letters and digits).</summary>
    public string[] WebhookAllowedHosts { get; init; } = [];

    /// <summary>Slack and webhook requests: short timeouts and one quick retry; the send job's own retries do the rest.</summary>
    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new()
    {
        AttemptTimeoutSeconds = 10,
        TotalTimeoutSeconds = 30,
        MaxRetries = 1,
        RetryBaseDelayMs = 500,
        MaxRateLimitWaitSeconds = 60,
    };

    public string MailDirectoryPath => Path.GetFullPath(MailDirectory);
}
