using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Amazon;

/// <summary>
/// The LWA access token of the configured seller for the Listings Items API (refresh-token grant at
/// <c>/auth/o2/token</c>, client id and secret in the form body), shared by every call of this process.
/// </summary>
public sealed class AmazonListingsTokens(IHttpClientFactory httpClientFactory, IOptions<AmazonListingsOptions> options, TimeProvider timeProvider)
{
    /// <summary>Token requests have their own bucket: they are rare and must not wait behind listing calls.</summary>
    private static readonly RateLimitRule TokenRule = new("channel:amazon:lwa", 1, 5);

    private readonly AccessTokenCache cache = new(timeProvider);

    public Task<(string? Token, ChannelFailure? Failure)> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(FetchAsync, cancellationToken);

    public void Invalidate(string token) => cache.Invalidate(token);

    private async Task<AccessTokenCache.Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.TokenBaseUrl.TrimEnd('/') + "/"), "auth/o2/token"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", settings.RefreshToken),
                new("client_id", settings.ClientId),
                new("client_secret", settings.ClientSecret),
            ]),
        };
        request.Options.Set(RateLimitRule.OptionKey, TokenRule);
        return await AccessTokenCache.RequestAsync(httpClientFactory.CreateClient(AmazonListingsClient.Policy.Source), request, "Login with Amazon",
            cancellationToken);
    }
}
