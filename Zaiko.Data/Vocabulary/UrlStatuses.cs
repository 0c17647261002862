namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class UrlStatuses
{
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Dead = "dead";
    public const string Changed = "changed";
    public const string Blocked = "blocked";
    public const string Unverifiable = "unverifiable";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Active, Ended, Dead, Changed, Blocked, Unverifiable,
    };
}
