using System.Text;
using System.Text.Json;
using MimeKit;
using MimeKit.Utils;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Outbound;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

public sealed class AlertSendJobTests(PostgresDatabase database) : AlertTest(database)
{
    private const string SmtpUser = "zaiko-mailer";
    private const string SmtpPassword = "s3cret-pass";
    private const string WebhookSecret = "webhook-signing-secret";
    private const string ProductTitle = "ソニー WH-1000XM5 ワイヤレスヘッドホン ブラック";
    private const string Message = "3 回続けて確認できませんでした。出品は保留しています。";
    private const string ExpectedSubject = "[Zaiko][エラー] 確認不能: " + ProductTitle;

    private SmtpTestServer smtp = null!;
    private WebhookReceiver receiver = null!;

    /// <summary>The key of the alert <see cref="RaiseAlertAsync"/> raised.</summary>
    private string DedupKey { get; set; } = "";

    protected override IReadOnlyDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Alerts:Smtp:Password"] = SmtpPassword,
        ["Alerts:WebhookSecret"] = WebhookSecret,
        // The receiver stands in for Slack and the webhook at the one origin the outbound guard lets through over http.
        ["Sandbox:Enabled"] = "true",
        ["Sandbox:BaseUrl"] = receiver.BaseAddress.ToString().TrimEnd('/'),
    };

    private AlertSettings Configured => AlertSettings.Default with
    {
        EmailRecipients = ["sato@example.jp", "ito@example.jp"],
        FromAddress = "zaiko@example.jp",
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, Username = SmtpUser },
        SlackWebhookUrl = new Uri(receiver.BaseAddress, "services/T000/B000/XXXX").ToString(),
        WebhookUrl = new Uri(receiver.BaseAddress, "zaiko/alerts").ToString(),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        smtp = await SmtpTestServer.StartAsync((SmtpUser, SmtpPassword));
        receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_MailsTheRecipients_WithTheSubjectAndBothParts()
    {
        await RaiseAlertAsync(Configured);

        await SendAsync(EnqueuedFor("email"), "email");

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["sato@example.jp", "ito@example.jp"], mail.To);
        var message = mail.Parse();
        Assert.Equal(ExpectedSubject, message.Subject);
        Assert.Equal("zaiko@example.jp", message.From.Mailboxes.Single().Address);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains(ProductTitle, body);
            Assert.Contains(Message, body);
            Assert.Contains("2026-11-28 12:00:00 JST", body);
        }
    }

    [Fact]
    public async Task RunAsync_EncodesTheJapaneseSubjectAsRfc2047_AndBothBodiesAsUtf8()
    {
        await RaiseAlertAsync(Configured);

        await SendAsync(EnqueuedFor("email"), "email");

        var raw = Assert.Single(smtp.Messages).Raw;
        Assert.All(raw, b => Assert.True(b < 128, "the message on the wire is 7-bit"));
        var encodedSubject = RawHeader(Encoding.ASCII.GetString(raw), "Subject");
        Assert.StartsWith("=?utf-8?", encodedSubject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExpectedSubject, Rfc2047.DecodeText(Encoding.ASCII.GetBytes(encodedSubject)));
        var parts = MimeMessage.Load(new MemoryStream(raw)).BodyParts.OfType<TextPart>().ToArray();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.All(parts, part =>
        {
            Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
            Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.Base64, ContentEncoding.QuotedPrintable });
            Assert.Contains(ProductTitle, Encoding.UTF8.GetString(Decode(part)));
        });
    }

    [Fact]
    public async Task RunAsync_SignsInWithThePasswordFromConfiguration()
    {
        await RaiseAlertAsync(Configured);

        await SendAsync(EnqueuedFor("email"), "email");

        Assert.Equal([SmtpUser], smtp.Logins);
    }

    [Fact]
    public async Task RunAsync_WritesAnEmlFile_WhenNoSmtpServerIsSet()
    {
        await RaiseAlertAsync(AlertSettings.Default);

        await SendAsync(EnqueuedFor("email"), "email");

        var file = Assert.Single(Directory.GetFiles(MailDirectory, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(ExpectedSubject, message.Subject);
        Assert.Contains(Message, message.TextBody);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task RunAsync_PostsToSlack_WithTheLevelColourAndTheFields()
    {
        await RaiseAlertAsync(Configured);

        await SendAsync(EnqueuedFor("slack"), "slack");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/services/T000/B000/XXXX"), (request.Method, request.Path));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(ExpectedSubject, json.RootElement.GetProperty("text").GetString());
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal("#E53935", attachment.GetProperty("color").GetString());
        var fields = attachment.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(["商品", "ソース", "メッセージ", "発生日時", "ホスト"], fields.Keys);
        Assert.Equal(($"{ProductTitle} (SKU SKU-1)", Message, "2026-11-28 12:00:00 JST"), (fields["商品"], fields["メッセージ"], fields["発生日時"]));
    }

    [Fact]
    public async Task RunAsync_PostsSignedJson_ToTheGenericWebhook()
    {
        var alert = await RaiseAlertAsync(Configured);

        await SendAsync(EnqueuedFor("webhook"), "webhook");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/zaiko/alerts", request.Path);
        Assert.Equal("sha256=" + JsonWebhookClient.Sign(WebhookSecret, Encoding.UTF8.GetBytes(request.Body)), request.Headers["X-Zaiko-Signature"]);
        Assert.Equal(alert.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["X-Zaiko-Alert-Id"]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(("error", "unverifiable", ProductTitle), (json.RootElement.GetProperty("level").GetString(),
            json.RootElement.GetProperty("kind").GetString(), json.RootElement.GetProperty("product").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task RunAsync_RecordsAFailedAttemptAndThrows_WhenTheSmtpServerIsDown()
    {
        var alert = await RaiseAlertAsync(Configured with { Smtp = Configured.Smtp with { Port = SmtpTestServer.ClosedPort() } });

        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(alert, "email"));

        var entry = Assert.Single(await AlertLog.ListForKeyAsync(DedupKey, CancellationToken.None), e => e.Channel == "email");
        Assert.Equal(("failed", 1), (entry.Result, entry.Attempt));
        Assert.False(string.IsNullOrWhiteSpace(entry.Error));
    }

    [Fact]
    public async Task RunAsync_SendsOnTheRetry_OnceTheSmtpServerIsBack()
    {
        var alert = await RaiseAlertAsync(Configured with { Smtp = Configured.Smtp with { Port = SmtpTestServer.ClosedPort() } });
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(alert, "email"));
        await SetAlertSettingsAsync(Configured);

        await SendAsync(alert, "email");

        Assert.Single(smtp.Messages);
        var attempts = (await AlertLog.ListForKeyAsync(DedupKey, CancellationToken.None)).Where(e => e.Channel == "email");
        Assert.Equal([("failed", 1), ("sent", 2)], attempts.Select(e => (e.Result, e.Attempt)));
    }

    [Fact]
    public async Task RunAsync_DoesNotSendAgain_WhenTheAlertWasAlreadySent()
    {
        var alert = await RaiseAlertAsync(Configured);
        await SendAsync(alert, "email");

        await SendAsync(alert, "email");

        Assert.Single(smtp.Messages);
        Assert.Single(await AlertLog.ListForKeyAsync(DedupKey, CancellationToken.None), e => e.Channel == "email");
    }

    [Fact]
    public async Task RunAsync_RefusesAWebhookHostThatIsNotAllowed()
    {
        var alert = await RaiseAlertAsync(Configured with { WebhookUrl = "https://intranet.example.com/hook" });

        await Assert.ThrowsAsync<OutboundRequestRejectedException>(() => SendAsync(alert, "webhook"));

        Assert.Empty(receiver.Requests);
        var entry = Assert.Single(await AlertLog.ListForKeyAsync(DedupKey, CancellationToken.None), e => e.Channel == "webhook");
        Assert.Contains("not allowed", entry.Error);
    }

    [Fact]
    public async Task RunAsync_RecordsAFailedAttempt_WhenSlackAnswersWithAnError()
    {
        var alert = await RaiseAlertAsync(Configured);
        receiver.Status = 500;

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(alert, "slack"));

        var entry = Assert.Single(await AlertLog.ListForKeyAsync(DedupKey, CancellationToken.None), e => e.Channel == "slack");
        Assert.Equal("failed", entry.Result);
        Assert.Contains("500", entry.Error);
    }

    /// <summary>Records a high-severity error about a product and dispatches it: one alert, send jobs enqueued.</summary>
    private async Task<long> RaiseAlertAsync(AlertSettings settings)
    {
        await SetAlertSettingsAsync(settings);
        var product = await Products.CreateAsync(new Zaiko.Data.Products.NewProduct("SKU-1", ProductTitle), "test", CancellationToken.None);
        var offer = await Inventory.AddAsync(new Zaiko.Data.Inventory.NewOffer(product.Id, "yahoo",
            "https://auctions.yahoo.co.jp/jp/auction/o1202015332", "o1202015332"), "test", CancellationToken.None);
        await Errors.RecordAsync(new NewError(ErrorTypes.Unverifiable, Severities.High, Message)
        {
            ProductId = product.Id,
            InventoryId = offer.Id,
            Platform = "yahoo",
        }, CancellationToken.None);
        await DispatchAsync();
        var alert = Assert.Single(await ListAlertsAsync());
        DedupKey = alert.DedupKey;
        return alert.Id;
    }

    /// <summary>A header's value as it is on the wire: folded lines joined, nothing decoded.</summary>
    private static string RawHeader(string message, string name)
    {
        var head = message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var unfolded = head.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var line = unfolded.Split("\r\n").Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line[(name.Length + 1)..].Trim();
    }

    /// <summary>The part's bytes as sent, undone from base64 or quoted-printable (not from the charset).</summary>
    private static byte[] Decode(TextPart part)
    {
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);
        return decoded.ToArray();
    }
}
