namespace Zaiko.Data.Alerts;

/// <summary>A stock_history row in which a source offer's stock fell from positive to zero.</summary>
public sealed record StockOutEvent(
    long Id,
    DateTimeOffset CreatedAt,
    long ProductId,
    long InventoryId,
    string? ProductTitle,
    string? Sku,
    string SourcePlatform,
    string SourceUrl,
    string SourceProductId,
    int PreviousStock,
    Guid? ExecutionId);
