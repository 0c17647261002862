namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ExecutionStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Partial = "partial";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly IReadOnlySet<string> Finished = new HashSet<string>(StringComparer.Ordinal) { Completed, Partial, Failed };
}
