using System.Text.Json;

namespace Zaiko.Tests.Sandbox;

/// <summary>
/// Third-party contract examples and fixtures, read at run time from ZAIKO_SHARED (scripts/test.sh sets it) or the
/// <c>shared</c> folder beside the repository. Tests using it carry <c>[Trait("Category", "Shared")]</c>.
/// </summary>
public static class SharedContracts
{
    public static string Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ZAIKO_SHARED");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Zaiko.sln")))
            {
                directory = directory.Parent;
            }

            var folder = directory?.Parent is { } parent ? Path.Combine(parent.FullName, "shared") : "";
            return Directory.Exists(folder) ? folder
                : throw new InvalidOperationException("no shared folder: set ZAIKO_SHARED or run scripts/test.sh (which leaves Category=Shared out without one)");
        }
    }

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public static JsonElement ReadJson(string relativePath) => JsonDocument.Parse(ReadText(relativePath)).RootElement.Clone();
}
