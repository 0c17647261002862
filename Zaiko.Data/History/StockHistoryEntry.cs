namespace Zaiko.Data.History;

public sealed record StockHistoryEntry(
    long Id,
    DateTimeOffset CreatedAt,
    long InventoryId,
    long ProductId,
    int? PreviousStock,
    int? NewStock,
    decimal? PreviousPrice,
    decimal? NewPrice,
    string? PreviousStatus,
    string? NewStatus,
    string ChangeType,
    string ChangeSource,
    Guid? ExecutionId);
