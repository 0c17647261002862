using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Data.Users;
using Zaiko.Web.Security;

namespace Zaiko.Web.Cli;

/// <summary>
/// <c>user add &lt;email&gt; --role admin|staff --password-stdin [--name 表示名]</c> and <c>user disable &lt;email&gt;</c>:
/// accounts without the console, for the first admin or when nobody can sign in. The password is read from
/// standard input so it never appears in the process list or the shell history. Exit 0 done, 1 failed, 2 usage.
/// </summary>
public static class UserCommand
{
    public const string Usage = """
        usage: user add <email> --role admin|staff --password-stdin [--name <display name>]
               user disable <email>
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<IHost> buildHost, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (args.Count >= 2 && args[0] == "disable" && args.Count == 2)
        {
            return await WithHostAsync(buildHost, error, async services =>
            {
                if (!await services.GetRequiredService<UserStore>().SetDisabledAsync(args[1], true, "cli", cancellationToken))
                {
                    await error.WriteLineAsync($"zaiko user disable: no account {args[1].Trim().ToLowerInvariant()}");
                    return 1;
                }

                await output.WriteLineAsync($"Disabled {args[1].Trim().ToLowerInvariant()}; its open sessions have ended.");
                return 0;
            });
        }

        if (args.Count < 2 || args[0] != "add" || ParseAdd(args.Skip(2).ToList()) is not { } options)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = await input.ReadLineAsync(cancellationToken);
        return await WithHostAsync(buildHost, error, async services =>
        {
            var user = await services.GetRequiredService<AccountService>().CreateAsync(args[1], options.Name, password, options.Role, "cli", cancellationToken);
            await output.WriteLineAsync($"Created {Japanese.Role(user.Role)} ({user.Role}) account {user.Email} (id {user.Id}).");
            return 0;
        });
    }

    private static (string Role, string? Name)? ParseAdd(IReadOnlyList<string> options)
    {
        string? role = null;
        string? name = null;
        var fromStdin = false;
        for (var i = 0; i < options.Count; i++)
        {
            switch (options[i])
            {
                case "--role" when i + 1 < options.Count:
                    role = options[++i];
                    break;
                case "--name" when i + 1 < options.Count:
                    name = options[++i];
                    break;
                case "--password-stdin":
                    fromStdin = true;
                    break;
                default:
                    return null;
            }
        }

        return role is not null && fromStdin ? (role, name) : null;
    }

    private static async Task<int> WithHostAsync(Func<IHost> buildHost, TextWriter error, Func<IServiceProvider, Task<int>> run)
    {
        using var host = buildHost();
        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return await run(host.Services);
        }
        catch (InvalidInputException ex)
        {
            await error.WriteLineAsync($"zaiko user: {ex.Field}: {ex.Reason}");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or MigrationFailedException)
        {
            await error.WriteLineAsync($"zaiko user: {ex.Message}");
            return 1;
        }
    }
}
