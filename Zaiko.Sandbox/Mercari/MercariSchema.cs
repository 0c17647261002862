using System.Globalization;
using System.Text;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary>
/// Resolvers of the sandbox's Mercari Shops schema (docs/SANDBOX.md): <c>product</c>, <c>products</c>,
/// <c>updateProduct</c> (price, name) and <c>updateProductVariantStock</c>. Objects are dictionaries carrying
/// <c>__typename</c>, so the executor can project any selection and name the type in its errors.
/// </summary>
public sealed class MercariSchema(MercariStore store, SandboxClock clock)
{
    private const int MaxPageSize = 100;

    public object? Resolve(string operationType, GraphQlDocument.Field field, Func<string, object?> argument) => (operationType, field.Name) switch
    {
        ("query", "product") => store.Products.Get(RequiredString(argument, "id")) is { } product ? Product(product) : null,
        ("query", "products") => Products(argument),
        ("mutation", "updateProduct") => UpdateProduct(Input(argument)),
        ("mutation", "updateProductVariantStock") => UpdateStock(Input(argument)),
        ("query", "__typename") => "Query",
        ("mutation", "__typename") => "Mutation",
        _ => throw new GraphQlException("GRAPHQL_VALIDATION_FAILED",
            $"Cannot query field \"{field.Name}\" on type \"{(operationType == "query" ? "Query" : "Mutation")}\"."),
    };

    public static Dictionary<string, object?> Product(MercariProduct product) => new()
    {
        ["__typename"] = "Product",
        ["id"] = product.Id,
        ["name"] = product.Name,
        ["description"] = "【デモ】Zaiko サンドボックスの架空の商品です（DEMO DATA）。",
        ["price"] = product.Price,
        ["status"] = product.Status,
        ["variants"] = product.Variants.Select(Variant).ToList(),
        ["createdAt"] = Iso(product.CreatedAt),
        ["updatedAt"] = Iso(product.UpdatedAt),
    };

    private static Dictionary<string, object?> Variant(MercariProduct.Variant variant) => new()
    {
        ["__typename"] = "ProductVariant",
        ["id"] = variant.Id,
        ["skuCode"] = variant.SkuCode,
        ["stockQuantity"] = variant.StockQuantity,
    };

    private Dictionary<string, object?> Products(Func<string, object?> argument)
    {
        var first = argument("first") is long n ? (int)Math.Clamp(n, 0, MaxPageSize) : 20;
        var offset = argument("after") is string cursor ? DecodeCursor(cursor) + 1 : 0;
        var page = store.Products.Page(offset, first + 1);
        var edges = page.Take(first).Select((p, i) => new Dictionary<string, object?>
        {
            ["__typename"] = "ProductEdge",
            ["node"] = Product(p),
            ["cursor"] = EncodeCursor(offset + i),
        }).ToList();
        return new()
        {
            ["__typename"] = "ProductConnection",
            ["edges"] = edges,
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["__typename"] = "PageInfo",
                ["hasNextPage"] = page.Count > first,
                ["endCursor"] = edges.Count > 0 ? edges[^1]["cursor"] : null,
            },
        };
    }

    private Dictionary<string, object?> UpdateProduct(IReadOnlyDictionary<string, object?> input)
    {
        var id = input.GetValueOrDefault("id") as string ?? throw new GraphQlException("BAD_USER_INPUT", "input.id is required");
        var price = input.GetValueOrDefault("price");
        if (price is not null and not long)
        {
            throw new GraphQlException("BAD_USER_INPUT", "input.price must be an Int");
        }

        if (price is long value && value is < MercariProduct.MinPrice or > MercariProduct.MaxPrice)
        {
            return Payload("UpdateProductPayload", "product", null, "price", $"price must be between {MercariProduct.MinPrice} and {MercariProduct.MaxPrice}");
        }

        var name = input.GetValueOrDefault("name") as string;
        var now = clock.GetUtcNow();
        var updated = store.Products.Update(id, p => p with { Price = price is long newPrice ? (int)newPrice : p.Price, Name = name ?? p.Name, UpdatedAt = now });
        return updated is null
            ? Payload("UpdateProductPayload", "product", null, "id", "product not found")
            : Payload("UpdateProductPayload", "product", Product(updated), null, null);
    }

    private Dictionary<string, object?> UpdateStock(IReadOnlyDictionary<string, object?> input)
    {
        var variantId = input.GetValueOrDefault("variantId") as string ?? throw new GraphQlException("BAD_USER_INPUT", "input.variantId is required");
        if (input.GetValueOrDefault("stockQuantity") is not long stock)
        {
            throw new GraphQlException("BAD_USER_INPUT", "input.stockQuantity must be an Int");
        }

        if (stock is < 0 or > 99_999)
        {
            return Payload("UpdateProductVariantStockPayload", "variant", null, "stockQuantity", "stockQuantity must be between 0 and 99999");
        }

        var now = clock.GetUtcNow();
        var productId = store.ProductIdOfVariant(variantId);
        var updated = productId is null ? null : store.Products.Update(productId, p => p with
        {
            Variants = p.Variants.Select(v => v.Id == variantId ? v with { StockQuantity = (int)stock } : v).ToList(),
            UpdatedAt = now,
        });
        var variant = updated?.Variants.FirstOrDefault(v => v.Id == variantId);
        if (variant is null)
        {
            return Payload("UpdateProductVariantStockPayload", "variant", null, "variantId", "variant not found");
        }

        var payload = Payload("UpdateProductVariantStockPayload", "variant", Variant(variant), null, null);
        payload["product"] = Product(updated!);
        return payload;
    }

    private static Dictionary<string, object?> Payload(string type, string key, object? value, string? errorField, string? errorMessage) => new()
    {
        ["__typename"] = type,
        [key] = value,
        ["userErrors"] = errorMessage is null ? new List<object?>() : new List<object?>
        {
            new Dictionary<string, object?> { ["__typename"] = "UserError", ["field"] = new List<object?> { "input", errorField }, ["message"] = errorMessage },
        },
    };

    private static IReadOnlyDictionary<string, object?> Input(Func<string, object?> argument) =>
        argument("input") as IReadOnlyDictionary<string, object?> ?? throw new GraphQlException("BAD_USER_INPUT", "argument input is required");

    private static string RequiredString(Func<string, object?> argument, string name) =>
        argument(name) as string ?? throw new GraphQlException("BAD_USER_INPUT", $"argument {name} is required");

    private static string EncodeCursor(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + index.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("cursor:", StringComparison.Ordinal) ? int.Parse(text[7..], CultureInfo.InvariantCulture) : -1;
        }
        catch (FormatException)
        {
            throw new GraphQlException("BAD_USER_INPUT", "invalid cursor");
        }
    }

    private static string Iso(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
