using System.Diagnostics;
using System.Text;

namespace Zaiko.Sandbox.Control;

/// <summary>
/// Around every marketplace request (control requests pass untouched): draws and applies the target's faults, then
/// records the request in the journal with the status the client actually got.
/// </summary>
public sealed class SandboxMiddleware(RequestDelegate next, RequestJournal journal, FaultInjector faults, SandboxClock clock, SeededRandom random)
{
    private const int MaxBodyChars = 64 * 1024;
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(10);

    public async Task InvokeAsync(HttpContext context)
    {
        var target = SandboxTargets.FromPath(context.Request.Path);
        if (target is null)
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var time = clock.GetUtcNow();
        var body = await CaptureBodyAsync(context.Request, context.RequestAborted);
        var (delay, kind, errorStatus) = faults.Decide(target);
        if (kind == FaultKind.BotWall && target != SandboxTargets.Yahoo)
        {
            kind = FaultKind.None;
        }

        int? statusOverride = null;
        try
        {
            if (target == SandboxTargets.Amazon)
            {
                context.Response.Headers["x-amzn-RequestId"] = RequestId();
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            await ApplyAsync(context, target, kind, errorStatus);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            statusOverride = 499;
        }
        catch (Exception)
        {
            // Kestrel turns the exception into a 500 after this middleware has returned; record what the client gets.
            statusOverride = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            Record(context, target, time, started, body, kind, statusOverride ?? context.Response.StatusCode);
        }
    }

    private void Record(HttpContext context, string target, DateTimeOffset time, long started, string? body, FaultKind kind, int status)
    {
        var request = context.Request;
        var duration = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
        var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : request.Headers["x-amz-access-token"].ToString();
        var userAgent = request.Headers.UserAgent.ToString();
        var fault = kind == FaultKind.None ? null : kind.ToString().ToLowerInvariant();
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        var method = request.Method;
        var contentType = request.ContentType;
        journal.Append(seq => new JournalEntry(seq, time, target, method, path, query, status, duration, body, contentType,
            userAgent.Length > 0 ? userAgent : null, authorization.Length > 0 ? authorization : null, fault));
    }

    private async Task ApplyAsync(HttpContext context, string target, FaultKind kind, int errorStatus)
    {
        switch (kind)
        {
            case FaultKind.Hang:
                // Holds the connection open without answering, until the client gives up (bounded so nothing leaks).
                await Task.Delay(HangLimit, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                break;
            case FaultKind.Throttle:
                await FaultResponses.ThrottleAsync(context, target);
                break;
            case FaultKind.Error:
                await FaultResponses.ErrorAsync(context, target, errorStatus);
                break;
            case FaultKind.BotWall:
                await FaultResponses.BotWallAsync(context);
                break;
            case FaultKind.Malformed:
                await TruncatedAsync(context);
                break;
            default:
                await next(context);
                break;
        }
    }

    /// <summary>The real answer cut in half, sent as a 200: a body that starts right and cannot be parsed.</summary>
    private async Task TruncatedAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var half = buffer.GetBuffer().AsMemory(0, (int)buffer.Length / 2);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = half.Length;
        await original.WriteAsync(half, context.RequestAborted);
    }

    private static async Task<string?> CaptureBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        request.Body.Position = 0;
        return new string(buffer, 0, read);
    }

    private string RequestId() => random.Chars("0123456789abcdef", 8) + "-" + random.Chars("0123456789abcdef", 4) + "-4"
        + random.Chars("0123456789abcdef", 3) + "-a" + random.Chars("0123456789abcdef", 3) + "-" + random.Chars("0123456789abcdef", 12);
}
