using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zaiko.Web.Security;

namespace Zaiko.Web.Hosting;

public static class WebExtensions
{
    public static WebApplicationBuilder AddZaikoWeb(this WebApplicationBuilder builder, ZaikoRole role)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddZaikoHangfire(role);
        if (role.ServesAdmin())
        {
            builder.Services.AddZaikoSecurity();
            // Razor escapes every character outside Basic Latin by default, which turns Japanese pages into &#x...;
            // entities: correct, but thrice the bytes and unreadable in a page's source. Markup characters stay escaped.
            builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
            builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AllowAnonymousToFolder("/Account");
                options.Conventions.AuthorizePage("/Account/SignOut");
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AuthorizeFolder("/Products", SecurityExtensions.StaffPolicy);
                options.Conventions.AuthorizeFolder("/Review", SecurityExtensions.StaffPolicy);
                options.Conventions.AuthorizeFolder("/Settings", SecurityExtensions.AdminPolicy);
                options.Conventions.AuthorizeFolder("/Users", SecurityExtensions.AdminPolicy);
                options.Conventions.AuthorizeFolder("/Audit", SecurityExtensions.AdminPolicy);
            });
        }

        return builder;
    }

    public static WebApplication UseZaikoWeb(this WebApplication app, ZaikoRole role)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!role.ServesAdmin())
        {
            app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = (context, report) => WriteHealthAsync(context, report, role) });
            return app;
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseZaikoSecurity();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = (context, report) => WriteHealthAsync(context, report, role) })
            .AllowAnonymous();
        app.MapRazorPages();
        app.MapZaikoDashboard();
        return app;
    }

    /// <summary>
    /// Anyone may ask whether the process is healthy; only a signed-in user sees what each check found, since an
    /// exception's text can name hosts, users and paths.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report, ZaikoRole role)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var status = report.Status.ToString().ToLowerInvariant();
        object body = context.User.Identity?.IsAuthenticated == true
            ? new
            {
                status,
                role = role.Name(),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new { status = entry.Value.Status.ToString().ToLowerInvariant(), description = entry.Value.Description, data = entry.Value.Data }),
            }
            : new { status };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
