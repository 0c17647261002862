using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Jobs;
using Zaiko.Web.Hosting;

namespace Zaiko.Web.Cli;

/// <summary>
/// CLI verbs of Zaiko.Web (<c>dotnet Zaiko.Web.dll &lt;verb&gt;</c>). Exit codes: 0 done, 1 failed, 2 usage; a verb
/// may add its own (parse: 3). Output goes to <c>output</c>, messages to <c>error</c>, logs to stderr.
/// </summary>
public static class CliCommands
{
    public static Task<int> RunAsync(Invocation invocation) => RunAsync(invocation, Console.In, Console.Out, Console.Error);

    public static Task<int> RunAsync(Invocation invocation, TextWriter output, TextWriter error) => RunAsync(invocation, TextReader.Null, output, error);

    public static async Task<int> RunAsync(Invocation invocation, TextReader input, TextWriter output, TextWriter error)
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
                "demo" => await DemoAsync(invocation.VerbArgs, invocation.HostArgs, output, error, cancellation.Token),
                "user" => await UserCommand.RunAsync(invocation.VerbArgs, () => BuildHost(invocation.HostArgs), input, output, error, cancellation.Token),
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
        // A Hangfire client without a server: verbs may enqueue work for the running workers.
        builder.AddZaikoHangfire(ZaikoRole.Web);
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddSingleton<Security.AccountService>();
        return builder.Build();
    }

    private static async Task<int> DemoAsync(IReadOnlyList<string> args, string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        const string Usage = "usage: demo seed [--count N]   (N: 1-100000 sandbox items, default 200)";
        var count = 200;
        if (args.Count == 0 || args[0] != "seed" || (args.Count > 1 && (args.Count != 3 || args[1] != "--count" || !int.TryParse(args[2], out count) || count is < 1 or > 100_000)))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        using var host = BuildHost(hostArgs);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        try
        {
            await host.Services.GetRequiredService<DemoSeeder>().RunAsync(count, output, cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or InvalidInputException)
        {
            await error.WriteLineAsync($"zaiko demo seed: {ex.Message}");
            return 1;
        }
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
