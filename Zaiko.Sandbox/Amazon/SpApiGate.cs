using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary>What every SP-API operation checks first: a live seller access token, then the operation's rate limit.</summary>
public sealed class SpApiGate(AccessTokens tokens, SpApiRateLimits limits)
{
    /// <summary>Null when the request may proceed; otherwise the 403 or 429 to send.</summary>
    public IResult? Check(HttpContext context, string operation)
    {
        var (result, kind) = tokens.Validate(context.Request.Headers["x-amz-access-token"].ToString(), LwaEndpoints.Audience);
        switch (result)
        {
            case AccessTokens.Check.Missing:
                return SpApiErrors.Unauthorized("Access to requested resource is denied.");
            case AccessTokens.Check.Unknown:
                return SpApiErrors.Unauthorized("The access token you provided is revoked, malformed or invalid.");
            case AccessTokens.Check.Expired:
                return SpApiErrors.Unauthorized("The access token you provided has expired.");
        }

        if (kind != "seller")
        {
            return SpApiErrors.Unauthorized("Access to requested resource is denied.");
        }

        var (allowed, limit) = limits.TryTake(operation);
        if (!allowed)
        {
            return SpApiErrors.QuotaExceeded();
        }

        context.Response.Headers["x-amzn-RateLimit-Limit"] = limit;
        return null;
    }
}
