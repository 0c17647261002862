using System.Diagnostics;
using System.Text;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// <c>dotnet Zaiko.Web.dll --role worker …</c> as a real separate process, as a machine of a scaled-out cluster runs
/// it. Its output is kept for failure messages; disposing kills it with its children.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public static WorkerProcess Start(string logDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuildOutput.Locate("Zaiko.Web"));
        start.ArgumentList.Add("--role");
        start.ArgumentList.Add("worker");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ZAIKO_LOG_DIR"] = logDirectory;
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet for a worker"));
    }

    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
