using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>Login with Amazon: <c>POST /auth/o2/token</c>, form-encoded, 1-hour access tokens.</summary>
public static class LwaEndpoints
{
    public const string Audience = "amazon";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapLwa(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/o2/token", TokenAsync);
        return app;
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, AccessTokens tokens, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        if (grantType is not ("refresh_token" or "client_credentials"))
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
        }

        if (form["client_id"] != DemoCredentials.LwaClientId || form["client_secret"] != DemoCredentials.LwaClientSecret)
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");
        }

        if (grantType == "client_credentials")
        {
            var scope = form["scope"].ToString();
            if (string.IsNullOrEmpty(scope))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_scope", "The request has an invalid parameter : scope");
            }

            var (grantless, lifetime) = tokens.Issue(Audience, "grantless", "Atc|", Lifetime);
            return SandboxJson.Json(new { access_token = grantless, scope, token_type = "bearer", expires_in = (int)lifetime.TotalSeconds });
        }

        if (form["refresh_token"] != DemoCredentials.LwaRefreshToken)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }

        var (token, seconds) = tokens.Issue(Audience, "seller", "Atza|", Lifetime);
        return SandboxJson.Json(new
        {
            access_token = token,
            token_type = "bearer",
            expires_in = (int)seconds.TotalSeconds,
            refresh_token = DemoCredentials.LwaRefreshToken,
        });
    }

    private static IResult Error(int status, string error, string description) =>
        SandboxJson.Json(new { error, error_description = description }, status);
}
