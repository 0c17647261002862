using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Jobs;
using Zaiko.Web.Hosting;

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
                "demo" => await DemoAsync(host.Services, invocation.VerbArgs, cancellation.Token),
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
        builder.AddZaikoJobs();
        // A Hangfire client without a server: verbs may enqueue work for the running workers.
        builder.AddZaikoHangfire(ZaikoRole.Web);
        builder.Services.AddTransient<DemoSeeder>();
        return builder.Build();
    }

    private static async Task<int> DemoAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        const string Usage = "usage: demo seed [--count N]   (N: 1-100000 sandbox items, default 200)";
        var count = 200;
        if (args.Count == 0 || args[0] != "seed" || (args.Count > 1 && (args.Count != 3 || args[1] != "--count" || !int.TryParse(args[2], out count) || count is < 1 or > 100_000)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        try
        {
            await services.GetRequiredService<DemoSeeder>().RunAsync(count, Console.Out, cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or InvalidInputException)
        {
            await Console.Error.WriteLineAsync($"zaiko demo seed: {ex.Message}");
            return 1;
        }
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
