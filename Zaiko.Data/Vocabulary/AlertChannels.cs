namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for alert channels, named once for C#.</summary>
public static class AlertChannels
{
    public const string Email = "email";
    public const string Slack = "slack";
    public const string Webhook = "webhook";

    /// <summary>Written to the application log by the dispatcher itself: no send job, nothing to retry.</summary>
    public const string Log = "log";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Email, Slack, Webhook, Log };
}
