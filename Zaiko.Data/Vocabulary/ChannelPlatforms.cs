namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ChannelPlatforms
{
    public const string Ebay = "ebay";
    public const string Amazon = "amazon";
    public const string Mercari = "mercari";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Ebay, Amazon, Mercari };
}
