using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>
/// SP-API access tokens from Login with Amazon (refresh-token grant, form-encoded POST). One token serves every call
/// of the process until 60 s before it expires; when it must be renewed, concurrent callers share one request
/// (single flight) instead of each asking LWA. A token SP-API refuses is dropped with <see cref="Invalidate"/>.
/// </summary>
public sealed partial class AmazonAccessTokens(
    IHttpClientFactory httpClientFactory,
    IOptions<AmazonOptions> options,
    TimeProvider timeProvider,
    ILogger<AmazonAccessTokens> logger)
{
    public const string Source = "amazon-lwa";

    /// <summary>LWA's token endpoints (worldwide, and the regional hosts some accounts are given).</summary>
    public static readonly OutboundPolicy Policy = new(Source, ["api.amazon.com", "api.amazon.co.jp", "api.amazon.co.uk"], ["application/json"]);

    /// <summary>Tokens are renewed this long before they expire, so a request never leaves with one about to lapse.</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);

    /// <summary>A token is asked for about once an hour; this only stops a misconfigured loop from hammering LWA.</summary>
    public static readonly RateLimitRule RateLimit = new($"source:{Source}", 1, 5);

    private static readonly JsonShape TokenShape = JsonShape.Empty
        .Require("access_token", JsonKind.String)
        .Require("expires_in", JsonKind.Number);

    private readonly Lock gate = new();
    private AccessToken? current;
    private Task<AccessToken>? renewal;

    /// <summary>A valid access token, asking LWA only when there is none or it is about to expire.</summary>
    /// <exception cref="AmazonAuthenticationException">No token could be had; the message says why.</exception>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        Task<AccessToken> pending;
        TaskCompletionSource<AccessToken>? mine = null;
        lock (gate)
        {
            if (current is { } token && timeProvider.GetUtcNow() < token.RenewAt)
            {
                return token.Value;
            }

            if (renewal is null)
            {
                mine = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                renewal = mine.Task;
            }

            pending = renewal;
        }

        if (mine is not null)
        {
            _ = RenewAsync(mine);
        }

        return (await pending.WaitAsync(cancellationToken)).Value;
    }

    /// <summary>Drops <paramref name="rejected"/> if it is still the cached token, so the next call asks LWA for a new one.</summary>
    public void Invalidate(string rejected)
    {
        lock (gate)
        {
            if (current?.Value == rejected)
            {
                current = null;
            }
        }
    }

    /// <summary>
    /// Asks LWA and hands the outcome to every waiting caller. It runs without a caller's cancellation token: one
    /// caller giving up must not fail the others; the client's total timeout bounds it.
    /// </summary>
    private async Task RenewAsync(TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            var token = await RequestAsync(CancellationToken.None);
            lock (gate)
            {
                current = token;
                renewal = null;
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (gate)
            {
                renewal = null;
            }

            completion.SetException(ex);
        }
    }

    private async Task<AccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasCredentials)
        {
            throw new AmazonAuthenticationException(
                $"Amazon credentials are not configured: set {AmazonOptions.Section}:ClientId, ClientSecret and RefreshToken", SourceStatus.Blocked, 0);
        }

        // The token is at least as fresh as the moment it was asked for.
        var requestedAt = timeProvider.GetUtcNow();
        using var http = httpClientFactory.CreateClient(Source);
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", settings.RefreshToken!),
            new("client_id", settings.ClientId!),
            new("client_secret", settings.ClientSecret!),
        ]);
        using var response = await http.PostAsync(new Uri(settings.LwaTokenUrl), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(response.StatusCode, body);
        }

        using var json = Parse(body, status);
        var problems = TokenShape.Check(json.RootElement);
        if (problems.Count > 0)
        {
            throw new AmazonAuthenticationException($"Login with Amazon: {JsonShape.Describe(problems)}", SourceStatus.LayoutChanged, status);
        }

        var lifetime = TimeSpan.FromSeconds(json.RootElement.GetProperty("expires_in").GetDouble());
        LogRenewed(logger, lifetime.TotalSeconds);
        return new AccessToken(json.RootElement.GetProperty("access_token").GetString()!, requestedAt + lifetime - RenewBeforeExpiry);
    }

    private AmazonAuthenticationException Refused(HttpStatusCode statusCode, string body)
    {
        var status = (int)statusCode;
        var (error, description) = ErrorOf(body);
        var detail = error is null ? $"HTTP {status}" : $"{error}{(description is null ? "" : $" ({description})")}";
        if (status is not (400 or 401))
        {
            LogFailed(logger, detail);
            return new AmazonAuthenticationException($"Login with Amazon failed: {detail}; retry later", SourceStatus.TransientError, status);
        }

        // invalid_grant: the refresh token was revoked or mistyped; invalid_client: the app's id or secret.
        var setting = error == "invalid_grant" ? "RefreshToken" : "ClientId and ClientSecret";
        LogRefused(logger, detail);
        return new AmazonAuthenticationException(
            $"Login with Amazon refused the credentials: {detail}; check {AmazonOptions.Section}:{setting}", SourceStatus.Blocked, status);
    }

    private static (string? Error, string? Description) ErrorOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (Text(root, "error"), Text(root, "error_description"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static JsonDocument Parse(string body, int status)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new AmazonAuthenticationException($"Login with Amazon: unexpected response shape: the body is not JSON ({ex.Message})", SourceStatus.LayoutChanged, status);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Amazon access token renewed; it lives {LifetimeSeconds} s")]
    private static partial void LogRenewed(ILogger logger, double lifetimeSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Login with Amazon refused the credentials: {Detail}")]
    private static partial void LogRefused(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login with Amazon failed: {Detail}")]
    private static partial void LogFailed(ILogger logger, string detail);

    private sealed record AccessToken(string Value, DateTimeOffset RenewAt);
}
