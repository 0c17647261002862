using Dapper;
using Npgsql;

namespace Zaiko.Data.Products;

/// <summary>Read-only counts and lists of products for pages and reports; changes go through <see cref="ProductStore"/>.</summary>
public sealed class ProductQueries(NpgsqlDataSource dataSource)
{
    private const string CountSql = """
        -- ProductQueries.CountAsync
        SELECT count(*) FROM products
        """;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }
}
