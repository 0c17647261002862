namespace Zaiko.Data.Products;

public sealed record Product(
    long Id,
    string Sku,
    string Title,
    string? ImageUrl,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
