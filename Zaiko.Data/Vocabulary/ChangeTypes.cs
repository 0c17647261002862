namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ChangeTypes
{
    public const string Stock = "stock_change";
    public const string Price = "price_change";
    public const string Both = "both";
    public const string Status = "status_change";
}
