using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;

namespace Zaiko.Web.Cli;

/// <summary>CLI verbs of Zaiko.Web (<c>dotnet Zaiko.Web.dll &lt;verb&gt;</c>). Exit codes: 0 done, 1 failed, 2 usage.</summary>
public static class CliCommands
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            using var host = BuildHost(invocation.HostArgs);
            return invocation.Verb switch
            {
                "migrate" => await MigrateAsync(host.Services, cancellation.Token),
                _ => throw new InvalidOperationException($"verb {invocation.Verb} has no handler"),
            };
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("ConnectionStrings", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"zaiko: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("zaiko: cancelled");
            return 1;
        }
    }

    private static IHost BuildHost(string[] hostArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = hostArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddNLog();
        builder.AddZaikoData();
        return builder.Build();
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var result = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            Console.WriteLine(result.AppliedScripts.Count == 0
                ? "Database schema is up to date."
                : $"Applied {result.AppliedScripts.Count} migration(s): {string.Join(", ", result.AppliedScripts)}");
            return 0;
        }
        catch (Exception ex) when (ex is MigrationFailedException or NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"zaiko migrate: {ex.Message}");
            return 1;
        }
    }
}
