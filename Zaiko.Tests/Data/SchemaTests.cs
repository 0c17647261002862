using Dapper;
using Npgsql;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class SchemaTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task StockHistory_IsAPartitionedTable_WithADefaultPartition()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var kind = await connection.ExecuteScalarAsync<char>("SELECT relkind FROM pg_class WHERE relname = 'stock_history'");
        var hasDefault = await connection.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'stock_history_default' AND relispartition
                           AND pg_get_expr(relpartbound, oid) = 'DEFAULT')
            """);

        Assert.Equal('p', kind);
        Assert.True(hasDefault);
    }

    [Fact]
    public async Task EnsurePartitions_RoutesNextMonthsRowToItsPartition_NotTheDefault()
    {
        var (product, offer) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SELECT ensure_stock_history_partitions(2)");

        var partition = await connection.ExecuteScalarAsync<string>("""
            INSERT INTO stock_history (created_at, inventory_id, product_id, previous_stock, new_stock, change_type, change_source)
            VALUES (date_trunc('month', now()) + interval '1 month' + interval '3 days', @inventoryId, @productId, 1, 0, 'stock_change', 'manual')
            RETURNING tableoid::regclass::text
            """, new { inventoryId = offer.Id, productId = product.Id });

        var expected = await connection.ExecuteScalarAsync<string>(
            "SELECT 'stock_history_y' || to_char(now() AT TIME ZONE 'UTC' + interval '1 month', 'YYYY') || 'm' || to_char(now() AT TIME ZONE 'UTC' + interval '1 month', 'MM')");
        Assert.Equal(expected, partition);
    }

    [Fact]
    public async Task EnsurePartitions_MovesRowsOutOfTheDefaultPartition_WhenTheirMonthIsCreated()
    {
        var (product, offer) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO stock_history (created_at, inventory_id, product_id, previous_stock, new_stock, change_type, change_source)
            VALUES (date_trunc('month', now()) + interval '9 months', @inventoryId, @productId, 1, 0, 'stock_change', 'manual')
            """, new { inventoryId = offer.Id, productId = product.Id });

        await connection.ExecuteAsync("SELECT ensure_stock_history_partitions(10)");

        var partition = await connection.ExecuteScalarAsync<string>("SELECT tableoid::regclass::text FROM stock_history");
        Assert.NotEqual("stock_history_default", partition);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stock_history"));
    }

    [Fact]
    public async Task EnsurePartitions_CreatesNothing_WhenCalledAgain()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SELECT ensure_stock_history_partitions(4)");

        var created = await connection.ExecuteScalarAsync<int>("SELECT ensure_stock_history_partitions(4)");

        Assert.Equal(0, created);
    }

    [Fact]
    public async Task ExecutionLog_RejectsASecondRunningExecution_OfTheSameProcessType()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await InsertRunningAsync(connection, "stock-check");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => InsertRunningAsync(connection, "stock-check"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Equal("executions_one_running_per_type", ex.ConstraintName);
    }

    [Fact]
    public async Task ExecutionLog_AcceptsARunningExecution_OfAnotherProcessType()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await InsertRunningAsync(connection, "stock-check");

        await InsertRunningAsync(connection, "price-check");

        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inventory_execution_logs WHERE status = 'running'"));
    }

    [Fact]
    public async Task Inventory_RejectsAnUnknownSourcePlatform_NamingTheConstraint()
    {
        var (product, _) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO inventory_management (product_id, source_platform, source_url, source_product_id)
            VALUES (@productId, 'rakuten', 'https://example.com/x', 'x1')
            """, new { productId = product.Id }));

        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal("inventory_source_platform_check", ex.ConstraintName);
        Assert.Contains("inventory_source_platform_check", ex.Message);
    }

    [Fact]
    public async Task Listings_RejectAnUnknownPlatform_NamingTheConstraint()
    {
        var (product, _) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO listing_platforms (product_id, platform, currency) VALUES (@productId, 'shopee', 'USD')
            """, new { productId = product.Id }));

        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal("listing_platform_check", ex.ConstraintName);
    }

    [Fact]
    public async Task Errors_RejectAnUnknownSeverity_NamingTheConstraint()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO inventory_errors (error_type, message, severity) VALUES ('timeout', 'slow', 'urgent')
            """));

        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal("errors_severity_check", ex.ConstraintName);
    }

    [Fact]
    public async Task StockHistory_RejectsARowForAnUnknownOffer()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO stock_history (inventory_id, product_id, change_type, change_source) VALUES (999, 999, 'both', 'manual')
            """));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    private static Task InsertRunningAsync(NpgsqlConnection connection, string processType) => connection.ExecuteAsync("""
        INSERT INTO inventory_execution_logs (execution_id, process_type, status, started_at, last_progress_at)
        VALUES (gen_random_uuid(), @processType, 'running', now(), now())
        """, new { processType });
}
