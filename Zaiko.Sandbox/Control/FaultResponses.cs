using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary>Injected throttling and server errors, in each marketplace's own error shape.</summary>
public static class FaultResponses
{
    public static Task ThrottleAsync(HttpContext context, string target)
    {
        context.Response.Headers.RetryAfter = "1";
        return target switch
        {
            SandboxTargets.Amazon => SpApiErrors.QuotaExceeded().ExecuteAsync(context),
            SandboxTargets.Ebay => EbayErrors.TooManyRequests().ExecuteAsync(context),
            SandboxTargets.Mercari => MercariErrors.TooManyRequests().ExecuteAsync(context),
            SandboxTargets.Yahoo => YahooEndpoints.WriteAsync(context, StatusCodes.Status429TooManyRequests, YahooStaticPages.Busy),
            _ => Results.Text("Too Many Requests", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context),
        };
    }

    public static Task ErrorAsync(HttpContext context, string target, int status) => target switch
    {
        SandboxTargets.Amazon => SpApiErrors.InternalFailure(status).ExecuteAsync(context),
        SandboxTargets.Ebay => EbayErrors.SystemError(status).ExecuteAsync(context),
        SandboxTargets.Mercari => MercariErrors.InternalError(status).ExecuteAsync(context),
        SandboxTargets.Yahoo => YahooEndpoints.WriteAsync(context, status, YahooStaticPages.Busy),
        _ => Results.Text("Service Unavailable", statusCode: status).ExecuteAsync(context),
    };

    public static Task BotWallAsync(HttpContext context) =>
        YahooEndpoints.WriteAsync(context, StatusCodes.Status200OK, YahooStaticPages.BotWall);
}
