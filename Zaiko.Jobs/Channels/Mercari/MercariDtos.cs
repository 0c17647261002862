namespace Zaiko.Jobs.Channels.Mercari;

// Mercari Shops GraphQL payloads (camelCase). Only the fields the documents below select are mapped.

internal sealed record MercariGraphQlRequest(string Query, IReadOnlyDictionary<string, object> Variables, string OperationName);

/// <summary><c>UpdateProductInput</c>: price in whole yen (300 to 9,999,999).</summary>
internal sealed record MercariUpdateProductInput(string Id, int Price);

/// <summary><c>UpdateProductVariantStockInput</c>: stock of one variant (0 to 99,999).</summary>
internal sealed record MercariUpdateStockInput(string VariantId, int StockQuantity);

internal sealed record MercariResponse<TData>(TData Data);

/// <summary>The answers of the aliased mutations <c>price</c> and <c>stock</c>; a mutation not sent is absent.</summary>
internal sealed record MercariMutationData(MercariPayload? Price, MercariPayload? Stock);

internal sealed record MercariPayload(IReadOnlyList<MercariUserError> UserErrors);

internal sealed record MercariUserError(IReadOnlyList<string>? Field, string Message);

internal sealed record MercariProductData(MercariProduct? Product);

internal sealed record MercariProduct(string Id, int Price, IReadOnlyList<MercariVariant> Variants);

internal sealed record MercariVariant(string Id, int StockQuantity);
