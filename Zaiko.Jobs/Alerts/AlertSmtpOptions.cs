namespace Zaiko.Jobs.Alerts;

/// <summary>Section "Alerts:Smtp": the SMTP password, from the environment (Alerts__Smtp__Password), never the database.</summary>
public sealed class AlertSmtpOptions
{
    public string? Password { get; init; }
}
