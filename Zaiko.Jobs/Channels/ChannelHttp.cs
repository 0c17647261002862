using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels;

/// <summary>
/// Sending through a channel's guarded, rate-limited client, and the classification every channel shares:
/// throttling, 408, 5xx and network trouble may pass (retryable); anything else needs a person.
/// </summary>
internal static class ChannelHttp
{
    private const int MaxErrorLength = 500;

    public static async Task<ChannelReply> SendAsync(HttpClient http, HttpRequestMessage request, string channel, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ChannelReply((int)response.StatusCode, body, null);
        }
        catch (Exception ex) when (OutboundFailures.IsExpected(ex, cancellationToken))
        {
            return new ChannelReply(0, "", FromException(ex, channel));
        }
    }

    /// <summary>
    /// Sends through <paramref name="sendAsync"/>, which gets an access token first: a token endpoint that refuses or
    /// cannot be reached becomes the reply's failure, named after <paramref name="tokenEndpoint"/>.
    /// </summary>
    public static async Task<ChannelReply> WithTokenAsync(Func<Task<ChannelReply>> sendAsync, string tokenEndpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await sendAsync();
        }
        catch (AccessTokenException ex)
        {
            return new ChannelReply(0, "", FromTokenFailure(ex));
        }
        catch (Exception ex) when (OutboundFailures.IsExpected(ex, cancellationToken))
        {
            // The channel call itself never throws these (SendAsync turns them into replies): the token request did.
            return new ChannelReply(0, "", FromException(ex, tokenEndpoint));
        }
    }

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>A failure for an answer that was not a success, worded from the channel's error body where it has one.</summary>
    public static ChannelFailure FromStatus(ChannelReply reply, string channel)
    {
        var (message, code) = ErrorOf(reply.Body);
        var text = $"{channel} answered HTTP {reply.Status}" + (message is null ? "" : ": " + message);
        return new ChannelFailure(Shorten(text), code ?? reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IsRetryableStatus(reply.Status));
    }

    public static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";

    /// <summary>
    /// The first message and code of the error bodies our channels use: <c>errors[]</c> with <c>message</c> and
    /// <c>errorId</c> (eBay), <c>code</c> (SP-API) or <c>extensions.code</c> (GraphQL), and OAuth's <c>error</c> +
    /// <c>error_description</c>.
    /// </summary>
    public static (string? Message, string? Code) ErrorOf(string body)
    {
        if (!JsonShape.TryParse(body, out var root, out _) || root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && errors[0].ValueKind == JsonValueKind.Object)
        {
            var first = errors[0];
            var code = Text(first, "errorId") ?? Text(first, "code")
                ?? (first.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object ? Text(extensions, "code") : null);
            return (Text(first, "message"), code);
        }

        return root.TryGetProperty("error", out _) ? (Text(root, "error_description") ?? Text(root, "error"), Text(root, "error")) : (null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    /// <summary>
    /// A token endpoint's refusal: retryable as its status says (OAuth answers refused credentials with 400 or 401, so
    /// those need a person), and an answer without a readable token is an unexpected shape.
    /// </summary>
    private static ChannelFailure FromTokenFailure(AccessTokenException ex) => ex.Unreadable
        ? ChannelFailure.Rejected(ex.Message, "shape")
        : new ChannelFailure(Shorten(ex.Message), ex.Error ?? ex.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IsRetryableStatus(ex.HttpStatus));

    private static ChannelFailure FromException(Exception ex, string channel) => ex switch
    {
        BrokenCircuitException => new ChannelFailure($"circuit open: {channel} has been failing; pushes pause until it recovers", "circuit-open", true),
        TimeoutRejectedException or OperationCanceledException => new ChannelFailure($"{channel} timed out", "timeout", true),
        RateLimitBusyException => new ChannelFailure(ex.Message, "rate-limited", true),
        OutboundRequestRejectedException => new ChannelFailure(ex.Message, "refused", false),
        _ => new ChannelFailure($"{channel} could not be reached: {ex.Message}", "network", true),
    };
}
