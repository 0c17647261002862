namespace Zaiko.Tests.Infrastructure;

/// <summary>Executables the tests start as separate processes, from the build of the same configuration as this test assembly.</summary>
public static class BuildOutput
{
    /// <summary>…/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;framework&gt;/&lt;project&gt;.dll beside the test assembly's own build.</summary>
    public static string Locate(string project)
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent?.Name ?? "Debug";
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Zaiko.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no Zaiko.sln above {AppContext.BaseDirectory}: cannot locate {project}");
        }

        var dll = Path.Combine(root.FullName, project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} does not exist: build the solution (Zaiko.Tests builds it first)");
    }
}
