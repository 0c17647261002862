namespace Zaiko.Data.Alerts;

/// <summary>A recorded error as the alert dispatcher reads it, with the product it concerns (if any).</summary>
public sealed record ErrorEvent(
    long Id,
    Guid? ExecutionId,
    long? ProductId,
    long? InventoryId,
    long? ListingId,
    string ErrorType,
    string Severity,
    string Message,
    string? Platform,
    string? ProductTitle,
    string? Sku,
    string? SourceUrl,
    DateTimeOffset CreatedAt);
