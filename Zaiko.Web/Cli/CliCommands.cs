using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Jobs;

namespace Zaiko.Web.Cli;

/// <summary>
/// CLI verbs of Zaiko.Web (<c>dotnet Zaiko.Web.dll &lt;verb&gt;</c>). Exit codes: 0 done, 1 failed, 2 usage; a verb
/// may add its own (parse: 3). Output goes to <c>output</c>, messages to <c>error</c>, logs to stderr.
/// </summary>
public static class CliCommands
{
    public static Task<int> RunAsync(Invocation invocation) => RunAsync(invocation, Console.Out, Console.Error);

    public static async Task<int> RunAsync(Invocation invocation, TextWriter output, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return invocation.Verb switch
            {
                "migrate" => await MigrateAsync(invocation.HostArgs, output, error, cancellation.Token),
                "parse" => await ParseCommand.RunAsync(invocation.VerbArgs, () => BuildHost(invocation.HostArgs), output, error, cancellation.Token),
                _ => throw new InvalidOperationException($"verb {invocation.Verb} has no handler"),
            };
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("ConnectionStrings", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"zaiko: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("zaiko: cancelled");
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
        return builder.Build();
    }

    private static async Task<int> MigrateAsync(string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = BuildHost(hostArgs);
        try
        {
            var result = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await output.WriteLineAsync(result.AppliedScripts.Count == 0
                ? "Database schema is up to date."
                : $"Applied {result.AppliedScripts.Count} migration(s): {string.Join(", ", result.AppliedScripts)}");
            return 0;
        }
        catch (Exception ex) when (ex is MigrationFailedException or NpgsqlException)
        {
            await error.WriteLineAsync($"zaiko migrate: {ex.Message}");
            return 1;
        }
    }
}
