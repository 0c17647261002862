using Dapper;
using Npgsql;

namespace Zaiko.Data.Inventory;

public sealed class InventoryStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    internal const string Columns = """
        id, product_id, source_platform, source_url, source_product_id, title, title_hash, current_stock,
        current_price, price_incl_tax, buy_now_price, currency, bids, source_end_time, url_status, layout_status,
        last_verified_at, last_checked_at, consecutive_failures, gone_suspected_at, last_execution_id,
        monitoring_enabled, next_check_at, created_at, updated_at, updated_by
        """;

    private const string AddSql = $"""
        -- InventoryStore.AddAsync
        INSERT INTO inventory_management (product_id, source_platform, source_url, source_product_id,
                                          created_at, updated_at, updated_by)
        VALUES (@ProductId, @SourcePlatform, @SourceUrl, @SourceProductId, @Now, @Now, @Actor)
        RETURNING {Columns}
        """;

    public async Task<MonitoredOffer> AddAsync(NewOffer offer, string actor, CancellationToken cancellationToken)
    {
        offer.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<MonitoredOffer>(new CommandDefinition(AddSql,
                new { offer.ProductId, offer.SourcePlatform, offer.SourceUrl, offer.SourceProductId, Now = timeProvider.GetUtcNow(), Actor = actor },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidInputException("source_product_id", $"{offer.SourcePlatform} offer '{offer.SourceProductId}' is already monitored");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidInputException("product_id", $"product {offer.ProductId} does not exist");
        }
    }

    private const string GetSql = $"""
        -- InventoryStore.GetAsync
        SELECT {Columns} FROM inventory_management WHERE id = @id
        """;

    public async Task<MonitoredOffer?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MonitoredOffer>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string ListMonitoredSql = """
        -- InventoryStore.ListMonitoredAsync
        SELECT i.id, i.source_platform, i.source_product_id, p.sku
        FROM inventory_management i
        JOIN products p ON p.id = i.product_id
        WHERE i.monitoring_enabled AND i.source_platform = @platform AND i.id > @afterId
        ORDER BY i.id
        LIMIT @limit
        """;

    /// <summary>One page of monitored offers of a platform in id order; pass the last id seen to get the next page.</summary>
    public async Task<IReadOnlyList<OfferRef>> ListMonitoredAsync(string platform, long afterId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new InvalidInputException("limit", "must be between 1 and 10000");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OfferRef>(new CommandDefinition(ListMonitoredSql,
            new { platform, afterId, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string CountMonitoredSql = """
        -- InventoryStore.CountMonitoredAsync
        SELECT count(*) FROM inventory_management WHERE monitoring_enabled AND source_platform = @platform
        """;

    public async Task<long> CountMonitoredAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountMonitoredSql, new { platform }, cancellationToken: cancellationToken));
    }

    private const string SetMonitoringSql = """
        -- InventoryStore.SetMonitoringAsync
        UPDATE inventory_management
        SET monitoring_enabled = @enabled, updated_at = @now, updated_by = @actor
        WHERE id = @id
        """;

    /// <summary>Starts or stops monitoring an offer; false when no such offer exists.</summary>
    public async Task<bool> SetMonitoringAsync(long id, bool enabled, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(SetMonitoringSql,
            new { id, enabled, actor, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return rows == 1;
    }
}
