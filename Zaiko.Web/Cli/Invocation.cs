using Zaiko.Web.Hosting;

namespace Zaiko.Web.Cli;

/// <summary>
/// The command line split into a verb (migrate, parse, …) with its arguments, the process role, and the
/// arguments left for the host (configuration overrides such as --urls or --ConnectionStrings:Zaiko=…).
/// </summary>
public sealed record Invocation(string? Verb, IReadOnlyList<string> VerbArgs, ZaikoRole Role, string[] HostArgs, string? Error)
{
    public static readonly IReadOnlyList<string> Verbs = ["migrate", "parse", "demo", "user"];

    /// <summary>Verbs whose own <c>--role</c> (an account's role) is not the process role.</summary>
    private static readonly IReadOnlyList<string> VerbsWithOwnRole = ["user"];

    /// <summary>Options a verb reads itself, even in the <c>--name=value</c> form that otherwise goes to the host.</summary>
    private static readonly IReadOnlyList<string> VerbOptions = ["--id"];

    public static Invocation Parse(IReadOnlyList<string> args)
    {
        var role = ZaikoRole.All;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = null;
            if (rest.Count > 0 && VerbsWithOwnRole.Contains(rest[0]))
            {
                rest.Add(arg);
                continue;
            }

            if (arg == "--role")
            {
                if (i + 1 >= args.Count)
                {
                    return Fail("--role needs a value: all, web or worker");
                }

                value = args[++i];
            }
            else if (arg.StartsWith("--role=", StringComparison.Ordinal))
            {
                value = arg["--role=".Length..];
            }

            if (value is null)
            {
                rest.Add(arg);
                continue;
            }

            if (!Enum.TryParse(value, ignoreCase: true, out role) || !Enum.IsDefined(role) || int.TryParse(value, out _))
            {
                return Fail($"--role: '{value}' is not a role; use all, web or worker");
            }
        }

        if (rest.Count == 0 || rest[0].StartsWith('-'))
        {
            return new Invocation(null, [], role, [.. rest], null);
        }

        var verb = rest[0];
        if (!Verbs.Contains(verb))
        {
            return Fail($"unknown command '{verb}'; commands: {string.Join(", ", Verbs)} (or none, to run the server)");
        }

        // Options after the verb that look like configuration (--Section:Key=value) still reach the host.
        var verbArgs = rest.Skip(1).Where(arg => !IsHostOption(arg)).ToArray();
        var hostArgs = rest.Skip(1).Where(IsHostOption).ToArray();
        return new Invocation(verb, verbArgs, role, hostArgs, null);
    }

    private static bool IsHostOption(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=') && !VerbOptions.Contains(arg[..arg.IndexOf('=')]);

    private static Invocation Fail(string error) => new(null, [], ZaikoRole.All, [], error);
}
