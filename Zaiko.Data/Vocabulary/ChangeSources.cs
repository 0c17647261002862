namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ChangeSources
{
    public const string StockCheck = "stock-check";
    public const string PriceCheck = "price-check";
    public const string FullValidation = "full-validation";
    public const string EndTimeCheck = "end-time-check";
    public const string OnDemand = "on-demand";
    public const string Manual = "manual";
    public const string Import = "import";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        StockCheck, PriceCheck, FullValidation, EndTimeCheck, OnDemand, Manual, Import,
    };
}
