using Dapper;
using Npgsql;

namespace Zaiko.Data.Products;

public sealed class ProductStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns = "id, sku, title, image_url, notes, created_at, updated_at, updated_by";

    private const string CreateSql = $"""
        -- ProductStore.CreateAsync
        INSERT INTO products (sku, title, image_url, notes, created_at, updated_at, updated_by)
        VALUES (@Sku, @Title, @ImageUrl, @Notes, @Now, @Now, @Actor)
        RETURNING {Columns}
        """;

    public async Task<Product> CreateAsync(NewProduct product, string actor, CancellationToken cancellationToken)
    {
        product.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<Product>(new CommandDefinition(CreateSql,
                new { product.Sku, product.Title, product.ImageUrl, product.Notes, Now = timeProvider.GetUtcNow(), Actor = actor },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidInputException("sku", $"'{product.Sku}' is already used by another product");
        }
    }

    private const string LockSql = $"""
        -- ProductStore.LockAsync
        SELECT {Columns} FROM products WHERE id = @id FOR UPDATE
        """;

    /// <summary>Reads a product and locks it until the caller's transaction ends, so two people's decisions about it take turns.</summary>
    public async Task<Product?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(LockSql, new { id }, transaction, cancellationToken: cancellationToken));

    private const string UpsertSql = $"""
        -- ProductStore.UpsertAsync
        INSERT INTO products (sku, title, image_url, notes, created_at, updated_at, updated_by)
        VALUES (@Sku, @Title, @ImageUrl, @Notes, @Now, @Now, @Actor)
        ON CONFLICT (sku) DO UPDATE
            SET title = excluded.title, image_url = excluded.image_url, notes = excluded.notes,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
        RETURNING {Columns}
        """;

    /// <summary>Creates the product, or updates the one with the same SKU.</summary>
    public async Task<Product> UpsertAsync(NewProduct product, string actor, CancellationToken cancellationToken)
    {
        product.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Product>(new CommandDefinition(UpsertSql,
            new { product.Sku, product.Title, product.ImageUrl, product.Notes, Now = timeProvider.GetUtcNow(), Actor = actor },
            cancellationToken: cancellationToken));
    }

    private const string GetSql = $"""
        -- ProductStore.GetAsync
        SELECT {Columns} FROM products WHERE id = @id
        """;

    public async Task<Product?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string GetBySkuSql = $"""
        -- ProductStore.GetBySkuAsync
        SELECT {Columns} FROM products WHERE sku = @sku
        """;

    public async Task<Product?> GetBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(GetBySkuSql, new { sku }, cancellationToken: cancellationToken));
    }
}
