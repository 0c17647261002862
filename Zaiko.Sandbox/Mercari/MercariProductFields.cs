using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary>
/// Body of <c>POST /_sandbox/mercari/products</c> (create or replace; ids are generated when absent) and
/// <c>PATCH /_sandbox/mercari/products/{id}</c>. <c>stock</c> alone makes one variant with that stock.
/// </summary>
public sealed record MercariProductFields(
    string? Id = null,
    string? Name = null,
    int? Price = null,
    int? Stock = null,
    IReadOnlyList<MercariProductFields.VariantFields>? Variants = null,
    bool? Stopped = null)
{
    public const string IdAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public sealed record VariantFields(string? Id = null, string? SkuCode = null, int Stock = 0);

    public string? Validate(bool creating) =>
        creating && string.IsNullOrWhiteSpace(Name) ? "name is required"
        : creating && Price is null ? "price is required"
        : Price is < MercariProduct.MinPrice or > MercariProduct.MaxPrice ? $"price must lie in {MercariProduct.MinPrice}..{MercariProduct.MaxPrice}"
        : Stock < 0 || Variants?.Any(v => v.Stock < 0) == true ? "stock may not be negative"
        : null;

    public MercariProduct Create(SeededRandom random, DateTimeOffset now) => ApplyTo(
        new MercariProduct(Id ?? random.Chars(IdAlphabet, 22), Name!, Price!.Value, [], false, now, now), random, now);

    public MercariProduct ApplyTo(MercariProduct product, SeededRandom random, DateTimeOffset now)
    {
        IReadOnlyList<MercariProduct.Variant> variants = Variants is not null
            ? Variants.Select(v => new MercariProduct.Variant(v.Id ?? random.Chars(IdAlphabet, 22), v.SkuCode, v.Stock)).ToList()
            : Stock is { } stock && product.Variants.Count <= 1
                ? [new MercariProduct.Variant(product.Variants.FirstOrDefault()?.Id ?? random.Chars(IdAlphabet, 22), product.Variants.FirstOrDefault()?.SkuCode, stock)]
                : product.Variants;
        return product with { Name = Name ?? product.Name, Price = Price ?? product.Price, Variants = variants, Stopped = Stopped ?? product.Stopped, UpdatedAt = now };
    }
}
