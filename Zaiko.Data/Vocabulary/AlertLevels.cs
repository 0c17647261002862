namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for alert levels, named once for C#.</summary>
public static class AlertLevels
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
    public const string Critical = "critical";

    /// <summary>Lowest first, so a rank compares levels.</summary>
    public static readonly IReadOnlyList<string> Ordered = [Info, Warning, Error, Critical];

    public static int Rank(string level)
    {
        var rank = Ordered.ToList().IndexOf(level);
        return rank >= 0 ? rank : throw new InvalidInputException("level", $"'{level}' is not one of {string.Join(", ", Ordered)}");
    }

    /// <summary>The alert level of an error severity: critical → critical, high → error, medium → warning, low → info.</summary>
    public static string FromSeverity(string severity) => Ordered[Severities.Rank(severity)];
}
