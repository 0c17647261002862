using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Zaiko.Data.Security;

namespace Zaiko.Web.Security;

/// <summary>
/// The one place that writes the security audit log for the console: every request that can change something
/// (POST, PUT, PATCH, DELETE) is recorded once after it is answered — who, what, which subject, from where, and
/// whether it worked. A page may name the action and actor more precisely (sign-in names the address tried) through
/// <see cref="Describe"/>; no page writes the log itself. Form contents, passwords and tokens are never recorded.
/// </summary>
public sealed partial class AuditMiddleware(RequestDelegate next, AuditStore audit, ILogger<AuditMiddleware> logger)
{
    private const string ActionKey = "zaiko.audit.action";
    private const string ActorKey = "zaiko.audit.actor";
    private const string SuccessKey = "zaiko.audit.success";

    /// <summary>Lets a page say what its request was ("sign_in"), as whom, and whether it succeeded beyond its status code.</summary>
    public static void Describe(HttpContext context, string action, string? actor = null, bool? success = null)
    {
        context.Items[ActionKey] = action;
        if (actor is not null)
        {
            context.Items[ActorKey] = actor;
        }

        if (success is not null)
        {
            context.Items[SuccessKey] = success.Value;
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        // Who asked is known before the page runs: a sign-out ends the session the request came with.
        var signedIn = ZaikoClaims.Actor(context.User);
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            await RecordAsync(context, signedIn, failed);
        }
    }

    private async Task RecordAsync(HttpContext context, string signedIn, bool failed)
    {
        var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        var entry = new AuditEntry(
            context.Items[ActorKey] as string ?? (signedIn == "anonymous" ? ZaikoClaims.Actor(context.User) : signedIn),
            context.Items[ActionKey] as string ?? $"{context.Request.Method} {context.Request.Path}",
            context.Items[SuccessKey] as bool? ?? status < 400)
        {
            Target = context.Request.RouteValues.TryGetValue("id", out var id) && id is not null ? Convert.ToString(id, CultureInfo.InvariantCulture) : null,
            IpAddress = context.Connection.RemoteIpAddress,
            DetailsJson = JsonSerializer.Serialize(new
            {
                path = context.Request.Path.Value,
                handler = context.Request.Query["handler"].ToString() is { Length: > 0 } handler ? handler : null,
                status,
            }),
        };
        try
        {
            await audit.RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // The request has been answered; losing the audit line is logged loudly rather than failing it afterwards.
            LogAuditFailed(logger, ex, entry.Actor, entry.Action);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit line for {Actor}: {Action}")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string actor, string action);
}
