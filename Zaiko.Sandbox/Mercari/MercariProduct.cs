namespace Zaiko.Sandbox.Mercari;

/// <summary>A Mercari Shops product: one price, stock per variant. Shown as SOLD_OUT when every variant is at 0.</summary>
public sealed record MercariProduct(
    string Id,
    string Name,
    int Price,
    IReadOnlyList<MercariProduct.Variant> Variants,
    bool Stopped,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const int MinPrice = 300;
    public const int MaxPrice = 9_999_999;

    public string Status => Stopped ? "STOPPED" : Variants.All(v => v.StockQuantity == 0) ? "SOLD_OUT" : "ON_SALE";

    public sealed record Variant(string Id, string? SkuCode, int StockQuantity);
}
