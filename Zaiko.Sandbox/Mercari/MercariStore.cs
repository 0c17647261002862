using System.Collections.Concurrent;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary>Products by id, with a variant index so a stock update can name the variant alone.</summary>
public sealed class MercariStore
{
    private readonly ConcurrentDictionary<string, string> productIdByVariant = new(StringComparer.Ordinal);

    public ItemStore<MercariProduct> Products { get; } = new();

    public bool Put(MercariProduct product)
    {
        foreach (var variant in product.Variants)
        {
            productIdByVariant[variant.Id] = product.Id;
        }

        return Products.Put(product.Id, product);
    }

    public string? ProductIdOfVariant(string variantId) => productIdByVariant.TryGetValue(variantId, out var id) ? id : null;

    public void Clear()
    {
        Products.Clear();
        productIdByVariant.Clear();
    }
}
