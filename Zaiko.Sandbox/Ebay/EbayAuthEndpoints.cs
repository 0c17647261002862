using System.Net.Http.Headers;
using System.Text;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Ebay;

/// <summary>eBay OAuth: <c>POST /identity/v1/oauth2/token</c> with Basic client credentials and a form body.</summary>
public static class EbayAuthEndpoints
{
    public const string Audience = "ebay";
    public const string UserToken = "user";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public static IEndpointRouteBuilder MapEbayAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/identity/v1/oauth2/token", TokenAsync);
        return app;
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, AccessTokens tokens, CancellationToken cancellationToken)
    {
        if (!ClientAuthenticated(request.Headers.Authorization.ToString()))
        {
            return EbayErrors.OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
        }

        if (!request.HasFormContentType)
        {
            return EbayErrors.OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "request is missing a required parameter or malformed.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        switch (form["grant_type"].ToString())
        {
            case "refresh_token" when form["refresh_token"] != DemoCredentials.EbayRefreshToken:
                return EbayErrors.OAuthError(StatusCodes.Status400BadRequest, "invalid_grant",
                    "the provided authorization refresh token is invalid or was issued to another client");
            case "refresh_token":
                var (user, userLifetime) = tokens.Issue(Audience, UserToken, "v^1.1#i^1#p^3#r^1#I^3#f^0#t^", Lifetime);
                return SandboxJson.Json(new { access_token = user, expires_in = (int)userLifetime.TotalSeconds, token_type = "User Access Token" });
            case "client_credentials":
                var (application, lifetime) = tokens.Issue(Audience, "application", "v^1.1#i^1#f^0#p^1#r^0#I^3#t^", Lifetime);
                return SandboxJson.Json(new { access_token = application, expires_in = (int)lifetime.TotalSeconds, token_type = "Application Access Token" });
            default:
                return EbayErrors.OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type",
                    "grant type in request is not supported by the authorization server");
        }
    }

    private static bool ClientAuthenticated(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            return decoded == $"{DemoCredentials.EbayClientId}:{DemoCredentials.EbayClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
