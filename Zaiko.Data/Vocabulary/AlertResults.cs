namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for alert_log.result, named once for C#.</summary>
public static class AlertResults
{
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Suppressed = "suppressed";
}
