namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// The team's shared folder of third-party fixtures and contracts, read in place and never copied into the
/// repository: ZAIKO_SHARED (scripts/test.sh sets it), else <c>../shared</c> beside the folder holding Zaiko.sln.
/// Tests that use it carry <c>[Trait("Category", "Shared")]</c>; test.sh leaves them out when the folder is missing.
/// </summary>
public static class SharedFolder
{
    public const string EnvironmentVariable = "ZAIKO_SHARED";

    private static readonly Lazy<string> Root = new(Locate);

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} points at '{configured}', which does not exist");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zaiko.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"no shared folder at '{shared}'; set {EnvironmentVariable} or run scripts/test.sh");
            }
        }

        throw new DirectoryNotFoundException($"Zaiko.sln not found above '{AppContext.BaseDirectory}'; set {EnvironmentVariable}");
    }
}
