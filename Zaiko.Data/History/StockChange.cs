namespace Zaiko.Data.History;

/// <summary>A change of an offer's stock, price or status, as appended to stock_history.</summary>
public sealed record StockChange(
    long InventoryId,
    long ProductId,
    int? PreviousStock,
    int? NewStock,
    decimal? PreviousPrice,
    decimal? NewPrice,
    string? PreviousStatus,
    string? NewStatus,
    string ChangeSource,
    Guid? ExecutionId)
{
    public bool StockChanged => PreviousStock != NewStock;

    public bool PriceChanged => PreviousPrice != NewPrice;

    public bool StatusChanged => !string.Equals(PreviousStatus, NewStatus, StringComparison.Ordinal);

    public bool IsChange => StockChanged || PriceChanged || StatusChanged;

    /// <summary>The change_type column: stock and price together are "both"; a status move alone is "status_change".</summary>
    public string ChangeType => (StockChanged, PriceChanged) switch
    {
        (true, true) => ChangeTypes.Both,
        (true, false) => ChangeTypes.Stock,
        (false, true) => ChangeTypes.Price,
        _ => ChangeTypes.Status,
    };
}
