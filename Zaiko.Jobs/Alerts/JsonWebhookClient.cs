using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Posts each alert as a JSON document to a generic webhook. The receiver can deduplicate by X-Zaiko-Alert-Id
/// (a retried send repeats it) and, with Alerts:WebhookSecret set, check X-Zaiko-Signature: "sha256=" and the
/// hex HMAC-SHA256 of the body. Only hosts allowed in configuration are reachable.
/// </summary>
public sealed class JsonWebhookClient(HttpClient http, IOptions<AlertOptions> options)
{
    public const string Source = "webhook";

    public static readonly RateLimitRule RateLimit = new("alerts:webhook", 5, 10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboundPolicy CreatePolicy(IEnumerable<string> allowedHosts) =>
        new(Source, allowedHosts, ["text/plain", "text/html", "application/json"]);

    public async Task PostAsync(string url, StoredAlert alert, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payload(alert), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Zaiko-Alert-Id", alert.Id.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            request.Headers.Add("X-Zaiko-Signature", "sha256=" + Sign(options.Value.WebhookSecret, body));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static string Sign(string secret, byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static object Payload(StoredAlert alert) => new
    {
        alertId = alert.Id,
        dedupKey = alert.DedupKey,
        level = alert.Level,
        kind = alert.Kind,
        subject = AlertText.Subject(alert),
        message = alert.Message,
        product = alert.ProductId is null ? null : new { id = alert.ProductId, title = alert.ProductTitle, sku = alert.Sku },
        source = alert.Platform is null && alert.SourceUrl is null ? null : new { platform = alert.Platform, url = alert.SourceUrl },
        executionId = alert.ExecutionId,
        errorId = alert.ErrorId,
        occurredAt = alert.OccurredAt,
        occurredAtJst = JstTime.Format(alert.OccurredAt),
        host = alert.Host,
        repeats = alert.RepeatsReported,
    };
}
