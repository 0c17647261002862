namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class Severities
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    /// <summary>Lowest first, so a rank compares severities.</summary>
    public static readonly IReadOnlyList<string> Ordered = [Low, Medium, High, Critical];

    public static int Rank(string severity)
    {
        var rank = Ordered.ToList().IndexOf(severity);
        return rank >= 0 ? rank : throw new InvalidInputException("severity", $"'{severity}' is not one of {string.Join(", ", Ordered)}");
    }
}
