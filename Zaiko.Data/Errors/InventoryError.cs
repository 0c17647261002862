namespace Zaiko.Data.Errors;

public sealed record InventoryError(
    long Id,
    Guid? ExecutionId,
    long? ProductId,
    long? InventoryId,
    long? ListingId,
    string ErrorType,
    string? ErrorCode,
    string Message,
    string? StackTrace,
    string? ProductTitle,
    string? SourceUrl,
    string? Platform,
    string Severity,
    bool Resolved,
    string? ResolutionNotes,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    DateTimeOffset CreatedAt);
