using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Yahoo;

public static class YahooEndpoints
{
    public static IEndpointRouteBuilder MapYahoo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jp/auction/{auctionId}", (HttpContext context, string auctionId, YahooStore store, SandboxClock clock) =>
        {
            var page = store.Page(auctionId, clock.GetUtcNow());
            return WriteAsync(context, page.Status, page.Body);
        });
        return app;
    }

    public static Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
