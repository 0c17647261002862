using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zaiko.Data.Alerts;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Posts alerts to a Slack incoming webhook: a one-line text and an attachment coloured by level with fields
/// for product, source, message, time (JST) and host. Goes through the guarded outbound client: https to
/// hooks.slack.com only, and a cluster-wide rate limit (Slack accepts about one message per second).
/// </summary>
public sealed class SlackWebhookClient(HttpClient http)
{
    public const string Source = "slack";

    public static readonly OutboundPolicy Policy = new(Source, ["hooks.slack.com"], ["text/plain", "text/html", "application/json"]);

    public static readonly RateLimitRule RateLimit = new("alerts:slack", 1, 5);

    public async Task PostAsync(string webhookUrl, StoredAlert alert, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(webhookUrl), Payload(alert), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static JsonObject Payload(StoredAlert alert)
    {
        var subject = AlertText.Subject(alert);
        var fields = new JsonArray();
        foreach (var field in AlertText.Fields(alert))
        {
            fields.Add(new JsonObject { ["title"] = field.Label, ["value"] = Escape(field.Value), ["short"] = field.Short });
        }

        return new JsonObject
        {
            ["text"] = Escape(subject),
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["fallback"] = Escape(subject),
                    ["color"] = AlertText.Colour(alert.Level),
                    ["title"] = Escape($"{AlertText.Level(alert.Level)}: {AlertText.Kind(alert.Kind)}"),
                    ["fields"] = fields,
                    ["footer"] = "Zaiko",
                    ["ts"] = alert.OccurredAt.ToUnixTimeSeconds(),
                },
            },
        };
    }

    // Slack reads &, < and > as markup (links, mentions); a product title must not ping a channel.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
