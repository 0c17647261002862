using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Ebay;

/// <summary>eBay REST error bodies: <c>{"errors":[{"errorId","domain","category","message",…}]}</c> (schema <c>Error</c>).</summary>
public static class EbayErrors
{
    public static object Entry(int errorId, string domain, string category, string message, string? longMessage = null,
        IReadOnlyList<object>? parameters = null) =>
        new { errorId, domain, subdomain = domain == "API_INVENTORY" ? "Selling" : null, category, message, longMessage, parameters };

    public static IResult Error(int status, int errorId, string domain, string category, string message, string? longMessage = null) =>
        SandboxJson.Json(new { errors = new[] { Entry(errorId, domain, category, message, longMessage) } }, status);

    public static IResult InvalidToken() => Error(StatusCodes.Status401Unauthorized, 1001, "OAuth", "REQUEST", "Invalid access token",
        "Invalid access token. Check the value of the Authorization HTTP request header.");

    public static IResult InsufficientScope() => Error(StatusCodes.Status403Forbidden, 1100, "ACCESS", "REQUEST", "Access denied",
        "Insufficient permissions to fulfill the request.");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, 2001, "ACCESS", "REQUEST", "Too many requests",
        "The request limit has been reached for the resource.");

    public static IResult SystemError(int status) => Error(status, 25001, "API_INVENTORY", "APPLICATION",
        "A system error has occurred. Please try again.");

    public static IResult OAuthError(int status, string error, string description) =>
        SandboxJson.Json(new { error, error_description = description }, status);
}
