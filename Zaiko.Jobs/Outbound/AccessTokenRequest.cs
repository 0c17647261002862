using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Outbound;

/// <summary>The OAuth refresh-token exchange as every marketplace answers it: <c>access_token</c> and <c>expires_in</c>, or an OAuth error.</summary>
internal static class AccessTokenRequest
{
    private static readonly JsonShape TokenShape = JsonShape.Empty
        .Require("access_token", JsonKind.String)
        .Require("expires_in", JsonKind.Number);

    /// <summary>Sends <paramref name="request"/> and reads the token; <paramref name="endpoint"/> names the endpoint in errors.</summary>
    /// <exception cref="AccessTokenException">The endpoint refused the request or gave no readable token.</exception>
    public static async Task<AccessTokenCache.Fetched> SendAsync(HttpClient http, HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var (error, description) = ErrorOf(body);
            var said = description ?? error;
            throw new AccessTokenException($"{endpoint} answered HTTP {status}" + (said is null ? "" : ": " + said), status, error, description, unreadable: false);
        }

        if (!TokenShape.TryRead<TokenAnswer>(body, out var token, out var problem))
        {
            throw new AccessTokenException($"{endpoint}: {problem}", status, null, null, unreadable: true);
        }

        return new AccessTokenCache.Fetched(token.AccessToken, TimeSpan.FromSeconds(token.ExpiresIn));
    }

    private static (string? Error, string? Description) ErrorOf(string body)
    {
        if (!JsonShape.TryParse(body, out var root, out _) || root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        return (Text(root, "error"), Text(root, "error_description"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] double ExpiresIn);
}
