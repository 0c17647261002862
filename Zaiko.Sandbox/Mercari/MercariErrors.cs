using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary>GraphQL error bodies: <c>{"errors":[{"message","extensions":{"code"}}]}</c>, with <c>data</c> when a field failed.</summary>
public static class MercariErrors
{
    public static IResult Error(int status, string code, string message) =>
        SandboxJson.Json(new { errors = new[] { new { message, extensions = new { code } } } }, status);

    public static IResult Unauthenticated() => Error(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "invalid or missing access token");

    public static IResult BadUserAgent() => Error(StatusCodes.Status400BadRequest, "BAD_USER_AGENT",
        "User-Agent must have the form <API_CLIENT_NAME>/<VERSION>, e.g. EXAMPLE_SHOP/1.0.0");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS", "rate limit exceeded");

    public static IResult InternalError(int status) => Error(status, "INTERNAL_SERVER_ERROR", "internal server error");
}
