using Dapper;
using Npgsql;

namespace Zaiko.Data.Inventory;

public sealed class InventoryStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    internal const string Columns = """
        id, product_id, source_platform, source_url, source_product_id, title, title_hash, current_stock,
        current_price, price_incl_tax, buy_now_price, currency, bids, source_end_time, url_status, layout_status,
        last_verified_at, last_checked_at, consecutive_failures, gone_suspected_at, last_execution_id,
        monitoring_enabled, next_check_at, created_at, updated_at, updated_by, end_check_job_id, last_error
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
          AND (@includeFinished OR i.url_status NOT IN ('ended', 'dead'))
        ORDER BY i.id
        LIMIT @limit
        """;

    /// <summary>
    /// One page of monitored offers of a platform in id order; pass the last id seen to get the next page.
    /// Ended and dead offers are left out unless <paramref name="includeFinished"/> (full validation).
    /// </summary>
    public async Task<IReadOnlyList<OfferRef>> ListMonitoredAsync(string platform, bool includeFinished, long afterId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new InvalidInputException("limit", "must be between 1 and 10000");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OfferRef>(new CommandDefinition(ListMonitoredSql,
            new { platform, includeFinished, afterId, limit }, cancellationToken: cancellationToken));
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
        return await SetMonitoringAsync(connection, null, id, enabled, actor, cancellationToken);
    }

    /// <summary>Starts or stops monitoring an offer on the caller's connection (inside its transaction when one is given).</summary>
    public async Task<bool> SetMonitoringAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, bool enabled, string actor,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(SetMonitoringSql,
            new { id, enabled, actor, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) == 1;

    private const string LockForProductSql = $"""
        -- InventoryStore.LockForProductAsync
        SELECT {Columns} FROM inventory_management WHERE product_id = @productId ORDER BY id FOR UPDATE
        """;

    /// <summary>A product's offers, locked in id order until the caller's transaction ends.</summary>
    public async Task<IReadOnlyList<MonitoredOffer>> LockForProductAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MonitoredOffer>(new CommandDefinition(LockForProductSql, new { productId }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string AcceptSourceChangeSql = """
        -- InventoryStore.AcceptSourceChangeAsync
        UPDATE inventory_management
        SET url_status = 'active', title_hash = NULL, current_stock = NULL, current_price = NULL, price_incl_tax = NULL,
            buy_now_price = NULL, bids = NULL, consecutive_failures = 0, last_error = NULL, updated_at = @now, updated_by = @actor
        WHERE product_id = @productId AND url_status = 'changed'
        """;

    /// <summary>
    /// A person accepts the product now at a source URL: the offers of the product that showed a different product
    /// become active again with their title hash, stock and price forgotten, so the next check adopts what the page
    /// shows instead of comparing it with the old product. Until then stock and price are unknown (never 0).
    /// </summary>
    public async Task<int> AcceptSourceChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId, string actor,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(AcceptSourceChangeSql,
            new { productId, actor, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    private const string LockSql = $"""
        -- InventoryStore.LockForCheckAsync
        SELECT {Columns} FROM inventory_management WHERE id = @id FOR UPDATE
        """;

    /// <summary>Reads an offer and locks it until the caller's transaction ends, so concurrent checks of one offer take turns.</summary>
    public async Task<MonitoredOffer?> LockForCheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<MonitoredOffer>(new CommandDefinition(LockSql, new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>Every column a check writes, for the locked path and the quiet path alike.</summary>
    private const string CheckColumns = """
        title = @Title, title_hash = @TitleHash, current_stock = @CurrentStock, current_price = @CurrentPrice,
        price_incl_tax = @PriceInclTax, buy_now_price = @BuyNowPrice, currency = @Currency, bids = @Bids,
        source_end_time = @SourceEndTime, url_status = @UrlStatus, layout_status = @LayoutStatus,
        last_verified_at = @LastVerifiedAt, last_checked_at = @LastCheckedAt, consecutive_failures = @ConsecutiveFailures,
        gone_suspected_at = @GoneSuspectedAt, last_execution_id = @LastExecutionId, last_error = @LastError,
        updated_at = @Now, updated_by = @UpdatedBy
        """;

    private const string RecordCheckSql = $"""
        -- InventoryStore.RecordCheckAsync
        UPDATE inventory_management SET {CheckColumns} WHERE id = @Id
        """;

    /// <summary>Writes an offer's state after a check (<paramref name="checkedOffer"/>: the offer as the check left it), inside the check's transaction.</summary>
    public async Task RecordCheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MonitoredOffer checkedOffer, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(RecordCheckSql, CheckParameters(checkedOffer), transaction, cancellationToken: cancellationToken));

    private DynamicParameters CheckParameters(MonitoredOffer result)
    {
        if (!UrlStatuses.All.Contains(result.UrlStatus))
        {
            throw new InvalidInputException("url_status", $"'{result.UrlStatus}' is not one of {string.Join(", ", UrlStatuses.All)}");
        }

        if (result.LastCheckedAt is null)
        {
            throw new InvalidInputException("last_checked_at", "a checked offer records when it was checked");
        }

        return new DynamicParameters(new
        {
            result.Id, result.Title, result.TitleHash, result.CurrentStock, result.CurrentPrice, result.PriceInclTax,
            result.BuyNowPrice, result.Currency, result.Bids,
            // Sources report local times (Yahoo! in JST); PostgreSQL timestamptz parameters must be UTC.
            SourceEndTime = result.SourceEndTime?.ToUniversalTime(), result.UrlStatus, result.LayoutStatus,
            LastVerifiedAt = result.LastVerifiedAt?.ToUniversalTime(), LastCheckedAt = result.LastCheckedAt.Value.ToUniversalTime(),
            result.ConsecutiveFailures, GoneSuspectedAt = result.GoneSuspectedAt?.ToUniversalTime(),
            result.LastExecutionId, result.LastError, result.UpdatedBy, Now = timeProvider.GetUtcNow(),
        });
    }

    private const string ListForProductSql = $"""
        -- InventoryStore.ListForProductAsync
        SELECT {Columns} FROM inventory_management WHERE product_id = @productId ORDER BY id
        """;

    /// <summary>Every offer of a product (inside a transaction when one is given).</summary>
    public async Task<IReadOnlyList<MonitoredOffer>> ListForProductAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long productId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MonitoredOffer>(new CommandDefinition(ListForProductSql, new { productId }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string SwapEndCheckJobSql = """
        -- InventoryStore.SwapEndCheckJobAsync
        UPDATE inventory_management new
        SET end_check_job_id = @jobId
        FROM (SELECT id, end_check_job_id FROM inventory_management WHERE id = @id FOR UPDATE) old
        WHERE new.id = old.id
        RETURNING old.end_check_job_id
        """;

    /// <summary>Records the delayed end-of-auction check of an offer; returns the job it replaces, if any.</summary>
    public async Task<string?> SwapEndCheckJobAsync(long id, string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SwapEndCheckJobSql, new { id, jobId }, cancellationToken: cancellationToken));
    }

    private const string GetManySql = $"""
        -- InventoryStore.GetManyAsync
        SELECT {Columns} FROM inventory_management WHERE id = ANY(@ids) ORDER BY id
        """;

    public async Task<IReadOnlyList<MonitoredOffer>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MonitoredOffer>(new CommandDefinition(GetManySql, new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string RecordQuietCheckSql = $"""
        -- InventoryStore.TryRecordQuietCheckAsync
        WITH checked AS (
            UPDATE inventory_management SET {CheckColumns}
            WHERE id = @Id AND updated_at = @SeenUpdatedAt AND last_execution_id IS DISTINCT FROM @ExecutionId
            RETURNING id
        ), counted AS (
            UPDATE inventory_execution_logs
            SET processed_count = processed_count + 1, last_progress_at = @Now
            WHERE execution_id = @ExecutionId AND EXISTS (SELECT 1 FROM checked)
            RETURNING processed_count, total_count, fan_out_completed_at IS NOT NULL AS fan_out_completed
        )
        SELECT (SELECT count(*) FROM checked) AS recorded, c.processed_count, c.total_count, c.fan_out_completed
        FROM (SELECT 1) AS one LEFT JOIN counted c ON true
        """;

    /// <summary>
    /// The common case of a check — nothing a listing or a person cares about changed — in one statement: the
    /// offer's new state and the run's count, without a lock round trip. It applies only if the offer is still
    /// as it was read (<paramref name="seenUpdatedAt"/>) and not yet counted for the run; otherwise it writes
    /// nothing and returns <c>Recorded = false</c>, and the caller takes the locked path.
    /// </summary>
    public async Task<QuietCheckOutcome> TryRecordQuietCheckAsync(MonitoredOffer checkedOffer, DateTimeOffset seenUpdatedAt, Guid? executionId, CancellationToken cancellationToken)
    {
        var parameters = CheckParameters(checkedOffer);
        parameters.Add("SeenUpdatedAt", seenUpdatedAt.ToUniversalTime());
        parameters.Add("ExecutionId", executionId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<QuietCheckRow>(new CommandDefinition(RecordQuietCheckSql, parameters, cancellationToken: cancellationToken));
        return new QuietCheckOutcome(row.Recorded == 1,
            row.ProcessedCount is { } processed ? new Executions.ExecutionProgress(processed, row.TotalCount!.Value, row.FanOutCompleted == true) : null);
    }

    private sealed record QuietCheckRow(long Recorded, int? ProcessedCount, int? TotalCount, bool? FanOutCompleted);
}
