using Dapper;
using Npgsql;

namespace Zaiko.Data.History;

public sealed class StockHistoryStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string AppendSql = """
        -- StockHistoryStore.AppendAsync
        INSERT INTO stock_history (created_at, inventory_id, product_id, previous_stock, new_stock, previous_price,
                                   new_price, previous_status, new_status, change_type, change_source, execution_id)
        VALUES (@CreatedAt, @InventoryId, @ProductId, @PreviousStock, @NewStock, @PreviousPrice,
                @NewPrice, @PreviousStatus, @NewStatus, @ChangeType, @ChangeSource, @ExecutionId)
        RETURNING id
        """;

    /// <summary>Appends a change on its own connection. Returns the new row's id.</summary>
    public async Task<long> AppendAsync(StockChange change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AppendAsync(connection, null, change, cancellationToken);
    }

    /// <summary>Appends a change inside the caller's transaction (a check writes state and history together).</summary>
    public async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StockChange change, CancellationToken cancellationToken)
    {
        Validate(change);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AppendSql, new
        {
            CreatedAt = timeProvider.GetUtcNow(),
            change.InventoryId,
            change.ProductId,
            change.PreviousStock,
            change.NewStock,
            change.PreviousPrice,
            change.NewPrice,
            change.PreviousStatus,
            change.NewStatus,
            change.ChangeType,
            change.ChangeSource,
            change.ExecutionId,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static void Validate(StockChange change)
    {
        if (!change.IsChange)
        {
            throw new InvalidInputException("stock_history", "a history row records a change; stock, price and status are all unchanged");
        }

        if (!ChangeSources.All.Contains(change.ChangeSource))
        {
            throw new InvalidInputException("change_source", $"'{change.ChangeSource}' is not one of {string.Join(", ", ChangeSources.All)}");
        }

        if (change.NewStock < 0 || change.PreviousStock < 0)
        {
            throw new InvalidInputException("new_stock", "stock cannot be negative");
        }
    }

    private const string ListForProductSql = """
        -- StockHistoryStore.ListForProductAsync
        SELECT id, created_at, inventory_id, product_id, previous_stock, new_stock, previous_price, new_price,
               previous_status, new_status, change_type, change_source, execution_id
        FROM stock_history
        WHERE product_id = @productId
        ORDER BY created_at DESC, id DESC
        LIMIT @limit
        """;

    /// <summary>The newest changes of a product first.</summary>
    public async Task<IReadOnlyList<StockHistoryEntry>> ListForProductAsync(long productId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StockHistoryEntry>(new CommandDefinition(ListForProductSql,
            new { productId, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string CountForExecutionSql = """
        -- StockHistoryStore.CountForExecutionAsync
        SELECT count(*) FROM stock_history WHERE execution_id = @executionId
        """;

    public async Task<long> CountForExecutionAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountForExecutionSql, new { executionId }, cancellationToken: cancellationToken));
    }

    private const string EnsurePartitionsSql = """
        -- StockHistoryStore.EnsurePartitionsAsync
        SELECT ensure_stock_history_partitions(@monthsAhead)
        """;

    /// <summary>Creates the current and the next <paramref name="monthsAhead"/> monthly partitions; returns how many were new.</summary>
    public async Task<int> EnsurePartitionsAsync(int monthsAhead, CancellationToken cancellationToken)
    {
        if (monthsAhead is < 0 or > 120)
        {
            throw new InvalidInputException("months_ahead", "must be between 0 and 120");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(EnsurePartitionsSql, new { monthsAhead }, cancellationToken: cancellationToken));
    }

    private const string DropPartitionsSql = """
        -- StockHistoryStore.DropPartitionsBeforeAsync
        SELECT drop_stock_history_partitions_before(@cutoff)
        """;

    /// <summary>Retention: drops whole monthly partitions that end on or before the cut-off; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DropPartitionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(DropPartitionsSql, new { cutoff }, cancellationToken: cancellationToken));
        return names.AsList();
    }

    private const string ListPartitionsSql = """
        -- StockHistoryStore.ListPartitionsAsync
        SELECT c.relname
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'stock_history'::regclass
        ORDER BY c.relname
        """;

    public async Task<IReadOnlyList<string>> ListPartitionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(ListPartitionsSql, cancellationToken: cancellationToken));
        return names.AsList();
    }

    private const string CountNewlyOutOfStockSql = """
        -- StockHistoryStore.CountNewlyOutOfStockAsync
        SELECT count(DISTINCT inventory_id) FROM stock_history
        WHERE execution_id = @executionId AND previous_stock > 0 AND new_stock = 0
        """;

    /// <summary>Offers whose stock fell from positive to zero during a run (inside the closing transaction).</summary>
    public async Task<long> CountNewlyOutOfStockAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid executionId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountNewlyOutOfStockSql, new { executionId }, transaction, cancellationToken: cancellationToken));
}
