using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zaiko.Web.Hosting;

public static class WebExtensions
{
    public static WebApplicationBuilder AddZaikoWeb(this WebApplicationBuilder builder, ZaikoRole role)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddZaikoHangfire(role);
        if (role.ServesAdmin())
        {
            builder.Services.AddRazorPages();
        }

        return builder;
    }

    public static WebApplication UseZaikoWeb(this WebApplication app, ZaikoRole role)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = (context, report) => WriteHealthAsync(context, report, role) });
        if (!role.ServesAdmin())
        {
            return app;
        }

        app.UseRouting();
        app.MapRazorPages();
        app.MapZaikoDashboard();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report, ZaikoRole role)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            role = role.Name(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString().ToLowerInvariant(), description = entry.Value.Description, data = entry.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
