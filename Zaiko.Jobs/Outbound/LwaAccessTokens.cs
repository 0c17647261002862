using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Login with Amazon access tokens for SP-API (refresh-token grant, form-encoded POST), shared by every Amazon
/// connector of the process. A token belongs to one seller's authorisation of our app, so there is one per client id
/// and refresh token: two configured identities get two tokens, and the pricing source and the listings channel get
/// the same one when they are configured with the same identity. Each is reused until 60 s before it expires,
/// renewed by one request however many callers need it, and dropped and renewed once when SP-API refuses it.
/// </summary>
public sealed partial class LwaAccessTokens(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<LwaAccessTokens> logger)
{
    public const string Source = "amazon-lwa";

    /// <summary>How failures name the endpoint.</summary>
    public const string Endpoint = "Login with Amazon";

    /// <summary>LWA's token endpoints (worldwide, and the regional hosts some accounts are given).</summary>
    public static readonly OutboundPolicy Policy = new(Source, ["api.amazon.com", "api.amazon.co.jp", "api.amazon.co.uk"], ["application/json"]);

    /// <summary>
    /// Token requests have their own bucket, so they never wait behind SP-API calls. A token is asked for about once
    /// an hour per identity; the limit only stops a misconfigured loop from hammering LWA.
    /// </summary>
    public static readonly RateLimitRule RateLimit = new("auth:" + Source, 1, 5);

    private readonly ConcurrentDictionary<(string ClientId, string RefreshToken), AccessTokenCache> caches = new();

    /// <summary>A valid access token for <paramref name="credentials"/>, asking LWA only when there is none or it is about to expire.</summary>
    /// <exception cref="AccessTokenException">LWA refused the credentials or gave no readable token.</exception>
    public Task<string> GetAsync(LwaCredentials credentials, CancellationToken cancellationToken) =>
        CacheOf(credentials).GetAsync(token => RequestAsync(credentials, token), cancellationToken);

    /// <summary>Drops <paramref name="refused"/> if it is still the token of <paramref name="credentials"/>, so the next call asks LWA.</summary>
    public void Invalidate(LwaCredentials credentials, string refused) => CacheOf(credentials).Invalidate(refused);

    /// <summary>
    /// Calls SP-API through <paramref name="sendAsync"/> with the token of <paramref name="credentials"/>. A token SP-API
    /// refuses (401, or its 403 "Unauthorized") may have been revoked or have expired by Amazon's clock before ours: it
    /// is dropped, renewed once, and the call made again with the new one.
    /// </summary>
    /// <param name="statusOf">The HTTP status of a reply, to tell a refused token.</param>
    /// <exception cref="AccessTokenException">LWA refused the credentials or gave no readable token.</exception>
    public async Task<TReply> SendAuthorizedAsync<TReply>(
        LwaCredentials credentials,
        Func<string, CancellationToken, Task<TReply>> sendAsync,
        Func<TReply, int> statusOf,
        CancellationToken cancellationToken)
    {
        var token = await GetAsync(credentials, cancellationToken);
        var reply = await sendAsync(token, cancellationToken);
        var status = statusOf(reply);
        if (status is not (401 or 403))
        {
            return reply;
        }

        LogTokenRefused(logger, status);
        Invalidate(credentials, token);
        return await sendAsync(await GetAsync(credentials, cancellationToken), cancellationToken);
    }

    private AccessTokenCache CacheOf(LwaCredentials credentials) =>
        caches.GetOrAdd((credentials.ClientId, credentials.RefreshToken), _ => new AccessTokenCache(timeProvider));

    private async Task<AccessTokenCache.Fetched> RequestAsync(LwaCredentials credentials, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, credentials.TokenUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", credentials.RefreshToken),
                new("client_id", credentials.ClientId),
                new("client_secret", credentials.ClientSecret),
            ]),
        };
        request.Options.Set(RateLimitRule.OptionKey, RateLimit);
        try
        {
            var fetched = await AccessTokenRequest.SendAsync(httpClientFactory.CreateClient(Source), request, Endpoint, cancellationToken);
            LogRenewed(logger, credentials.ClientId, fetched.Lifetime.TotalSeconds);
            return fetched;
        }
        catch (AccessTokenException ex)
        {
            // Logged here, once per request, rather than by each caller that was waiting for it.
            if (ex.CredentialsRefused)
            {
                LogRefused(logger, credentials.ClientId, ex.Detail);
            }
            else
            {
                LogFailed(logger, credentials.ClientId, ex.Message);
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Amazon access token for {ClientId} renewed; it lives {LifetimeSeconds} s")]
    private static partial void LogRenewed(ILogger logger, string clientId, double lifetimeSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Login with Amazon refused the credentials of {ClientId}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string clientId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login with Amazon gave no token for {ClientId}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SP-API refused the access token (HTTP {Status}); renewing it once")]
    private static partial void LogTokenRefused(ILogger logger, int status);
}
