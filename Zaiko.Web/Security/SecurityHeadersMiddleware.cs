namespace Zaiko.Web.Security;

/// <summary>
/// Headers on every response: no content-type sniffing, no framing by other sites (the Hangfire dashboard frames
/// itself, so it may frame its own origin), and no full URLs leaked to other sites in the Referer header.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            var frames = context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase) ? "'self'" : "'none'";
            headers.ContentSecurityPolicy = $"frame-ancestors {frames}";
            headers.XFrameOptions = frames == "'self'" ? "SAMEORIGIN" : "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
