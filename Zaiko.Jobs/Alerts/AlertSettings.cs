using Zaiko.Data;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Who hears about what, stored under the settings key <see cref="Key"/> so staff change it without a
/// deployment. Secrets are not here: the SMTP password and the webhook signing secret come from configuration.
/// </summary>
public sealed record AlertSettings
{
    public const string Key = "alerts";

    public static readonly AlertSettings Default = new();

    /// <summary>
    /// Channels per alert level. The generic webhook is listed beside Slack: it receives nothing until its URL
    /// is set, so out of the box this is critical and error → email + Slack, warning → Slack, info → log.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> DefaultRouting = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [AlertLevels.Critical] = [AlertChannels.Email, AlertChannels.Slack, AlertChannels.Webhook],
        [AlertLevels.Error] = [AlertChannels.Email, AlertChannels.Slack, AlertChannels.Webhook],
        [AlertLevels.Warning] = [AlertChannels.Slack, AlertChannels.Webhook],
        [AlertLevels.Info] = [AlertChannels.Log],
    };

    /// <summary>Channels per level ("critical", "error", "warning", "info"); a level not listed keeps its default, an empty list silences it.</summary>
    public Dictionary<string, string[]> Routing { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Repeats of the same error about the same subject within this many minutes are counted, not sent.</summary>
    public int CooldownMinutes { get; init; } = 30;

    /// <summary>A product that goes out of stock again within this many minutes (flapping) is not alerted again.</summary>
    public int StockOutCooldownMinutes { get; init; } = 60;

    /// <summary>Who receives alert mail and the daily summary.</summary>
    public string[] EmailRecipients { get; init; } = [];

    public string FromAddress { get; init; } = "zaiko@localhost";

    public string FromName { get; init; } = "Zaiko";

    /// <summary>A Slack incoming-webhook URL (https://hooks.slack.com/services/…); empty: no Slack.</summary>
    public string SlackWebhookUrl { get; init; } = "";

    /// <summary>A URL that receives each alert as JSON; its host must be allowed in Alerts:WebhookAllowedHosts. Empty: none.</summary>
    public string WebhookUrl { get; init; } = "";

    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>Mail goes to an SMTP server when a host is set, otherwise to .eml files.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The channels routed for a level, unknown names dropped.</summary>
    public IReadOnlyList<string> ChannelsFor(string level) =>
        (Routing.TryGetValue(level, out var channels) && channels is not null ? channels : DefaultRouting[level])
        .Where(AlertChannels.All.Contains).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Whether a channel can deliver: mail always can (to files without a server, so the embedded default
    /// shows what would have been sent) unless a server is set with nobody to send to; webhooks need a URL.
    /// </summary>
    public bool CanDeliver(string channel) => channel switch
    {
        AlertChannels.Email => !UsesSmtp || EmailRecipients.Length > 0,
        AlertChannels.Slack => !string.IsNullOrWhiteSpace(SlackWebhookUrl),
        AlertChannels.Webhook => !string.IsNullOrWhiteSpace(WebhookUrl),
        AlertChannels.Log => true,
        _ => false,
    };
}
