using Microsoft.Extensions.Options;
using NLog.Web;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Jobs;
using Zaiko.Jobs.Scheduling;

namespace Zaiko.Web.Hosting;

/// <summary>Composition of the one executable: each project adds itself, then the role decides what runs.</summary>
public static class ZaikoApplication
{
    public static WebApplication Build(string[] args, ZaikoRole role)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Pages are found in this assembly even when a test runner hosts the application.
            ApplicationName = typeof(ZaikoApplication).Assembly.GetName().Name,
            // appsettings.json and nlog.config sit beside the assembly, wherever the process is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Host.UseNLog();

        builder.AddZaikoData();
        builder.AddZaikoJobs();
        builder.AddZaikoWeb(role);

        var app = builder.Build();
        app.UseZaikoWeb(role);
        return app;
    }

    /// <summary>Before serving: migrate the database (unless disabled) and register the recurring jobs.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await app.Services.GetRequiredService<RecurringJobRegistrar>().RegisterAsync(cancellationToken);
    }
}
