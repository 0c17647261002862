using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Ebay;

/// <summary>
/// The eBay user access token of the configured seller (refresh-token grant at <c>/identity/v1/oauth2/token</c>,
/// Basic client authentication), shared by every call of this process through the kit's <see cref="AccessTokenCache"/>.
/// </summary>
public sealed class EbayAccessTokens(IHttpClientFactory httpClientFactory, IOptions<EbayOptions> options, TimeProvider timeProvider)
{
    public const string Endpoint = "eBay OAuth";

    /// <summary>Token requests have their own bucket: they are rare and must not wait behind inventory calls.</summary>
    private static readonly RateLimitRule TokenRule = new("channel:ebay:oauth", 1, 5);

    private readonly AccessTokenCache cache = new(timeProvider);

    /// <exception cref="AccessTokenException">eBay refused the credentials or gave no readable token.</exception>
    public Task<string> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(FetchAsync, cancellationToken);

    public void Invalidate(string token) => cache.Invalidate(token);

    private async Task<AccessTokenCache.Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, EbayClient.Endpoint(settings, "identity/v1/oauth2/token"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", settings.RefreshToken),
                new("scope", settings.Scope),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        request.Options.Set(RateLimitRule.OptionKey, TokenRule);
        return await AccessTokenRequest.SendAsync(httpClientFactory.CreateClient(EbayClient.Policy.Source), request, Endpoint, cancellationToken);
    }
}
