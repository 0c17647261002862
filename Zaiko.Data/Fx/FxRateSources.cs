namespace Zaiko.Data.Fx;

/// <summary>Values the schema's CHECK constraint allows for fx_rates.source, named once for C#.</summary>
public static class FxRateSources
{
    public const string Ecb = "ecb";
    public const string Manual = "manual";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Ecb, Manual };
}
