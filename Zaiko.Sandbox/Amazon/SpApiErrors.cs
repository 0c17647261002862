using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>SP-API error bodies: <c>{"errors":[{"code","message","details"}]}</c>, as in the models' 400/429 examples.</summary>
public static class SpApiErrors
{
    public static IResult Error(int status, string code, string message, string details = "") =>
        SandboxJson.Json(new { errors = new[] { new { code, message, details } } }, status);

    /// <summary>The pricing models' 400 body, which carries code and message only.</summary>
    public static IResult InvalidInput(string message) => SandboxJson.Json(InvalidInputBody(message), StatusCodes.Status400BadRequest);

    public static object InvalidInputBody(string message) => new { errors = new[] { new { code = "InvalidInput", message } } };

    /// <summary>The common 429 body carries code and message only.</summary>
    public static IResult QuotaExceeded() =>
        SandboxJson.Json(new { errors = new[] { new { code = "QuotaExceeded", message = "You exceeded your quota for the requested resource." } } },
            StatusCodes.Status429TooManyRequests);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status403Forbidden, "Unauthorized", message);

    public static IResult InternalFailure(int status) =>
        Error(status, "InternalFailure", "We encountered an internal error. Please try again.");
}
