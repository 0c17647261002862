namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class SourcePlatforms
{
    public const string Yahoo = "yahoo";
    public const string Amazon = "amazon";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Yahoo, Amazon };
}
