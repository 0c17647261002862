using Dapper;
using Npgsql;

namespace Zaiko.Data.Alerts;

/// <summary>
/// The alert dispatcher's data: its cursors over inventory_errors and stock_history, and the alerts it
/// raised. One dispatch pass is one transaction of the caller's: it locks the cursors (so passes in several
/// processes take turns), reads what is new, writes alerts and moves the cursors.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns = """
        id, dedup_key, level, kind, message, error_id, execution_id, product_id, product_title, sku, platform, source_url,
        host, occurred_at, repeats_reported, repeats_suppressed, array_to_string(channels, ',') AS channel_list, enqueued_at, created_at
        """;

    private const string EnsureCursorsSql = """
        -- AlertStore.LockCursorsAsync (ensure)
        INSERT INTO alert_cursors (feed, last_id) VALUES ('errors', 0), ('stock-outs', 0) ON CONFLICT (feed) DO NOTHING
        """;

    private const string LockCursorsSql = """
        -- AlertStore.LockCursorsAsync
        SELECT feed, last_id FROM alert_cursors FOR UPDATE
        """;

    /// <summary>Locks both cursors until the caller's transaction ends and returns them.</summary>
    public async Task<AlertCursors> LockCursorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(EnsureCursorsSql, transaction: transaction, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<(string Feed, long LastId)>(new CommandDefinition(LockCursorsSql, transaction: transaction,
            cancellationToken: cancellationToken))).ToDictionary(row => row.Feed, row => row.LastId, StringComparer.Ordinal);
        return new AlertCursors(rows["errors"], rows["stock-outs"]);
    }

    private const string AdvanceCursorsSql = """
        -- AlertStore.AdvanceCursorsAsync
        UPDATE alert_cursors
        SET last_id = CASE feed WHEN 'errors' THEN @LastErrorId ELSE @LastStockOutId END, updated_at = @now
        WHERE feed IN ('errors', 'stock-outs')
        """;

    public async Task AdvanceCursorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertCursors cursors, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(AdvanceCursorsSql,
            new { cursors.LastErrorId, cursors.LastStockOutId, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
    }

    // Ids are taken at insert and become visible at commit, so a row with a smaller id can appear after a
    // larger one. Rows younger than settledBefore are left for the next pass, and so is everything after the
    // first of them: the cursor never jumps over a row that may still be committing.
    private const string ListNewErrorsSql = """
        -- AlertStore.ListNewErrorsAsync
        WITH unsettled AS (
            SELECT min(id) AS first_id FROM inventory_errors WHERE id > @afterId AND created_at > @settledBefore
        )
        SELECT e.id, e.execution_id, e.product_id, e.inventory_id, e.listing_id, e.error_type, e.severity, e.message, e.platform,
               coalesce(e.product_title, p.title) AS product_title, p.sku, coalesce(e.source_url, im.source_url) AS source_url, e.created_at
        FROM inventory_errors e
        LEFT JOIN products p ON p.id = e.product_id
        LEFT JOIN inventory_management im ON im.id = e.inventory_id
        WHERE e.id > @afterId AND e.id < coalesce((SELECT first_id FROM unsettled), 9223372036854775807)
        ORDER BY e.id
        LIMIT @limit
        """;

    /// <summary>Errors after <paramref name="afterId"/> recorded before <paramref name="settledBefore"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ErrorEvent>> ListNewErrorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long afterId,
        DateTimeOffset settledBefore, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ErrorEvent>(new CommandDefinition(ListNewErrorsSql,
            new { afterId, settledBefore, limit = Math.Clamp(limit, 1, 10_000) }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // created_at >= @since lets PostgreSQL skip old partitions; a stock-out older than that is not news.
    private const string StockOutBoundSql = """
        -- AlertStore.ListNewStockOutsAsync (bound)
        SELECT coalesce(min(id) FILTER (WHERE created_at > @settledBefore) - 1, max(id), @afterId)
        FROM stock_history
        WHERE id > @afterId AND created_at >= @since
        """;

    private const string ListNewStockOutsSql = """
        -- AlertStore.ListNewStockOutsAsync
        SELECT h.id, h.created_at, h.product_id, h.inventory_id, p.title AS product_title, p.sku,
               im.source_platform, im.source_url, im.source_product_id, h.previous_stock, h.execution_id
        FROM stock_history h
        JOIN products p ON p.id = h.product_id
        JOIN inventory_management im ON im.id = h.inventory_id
        WHERE h.id > @afterId AND h.id <= @upTo AND h.created_at >= @since AND h.previous_stock > 0 AND h.new_stock = 0
        ORDER BY h.id
        LIMIT @limit
        """;

    /// <summary>Stock-outs (stock from positive to zero) after <paramref name="afterId"/>, settled as for errors, oldest first.</summary>
    public async Task<StockOutBatch> ListNewStockOutsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long afterId,
        DateTimeOffset settledBefore, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 10_000);
        var upTo = Math.Max(afterId, await connection.ExecuteScalarAsync<long>(new CommandDefinition(StockOutBoundSql,
            new { afterId, settledBefore, since }, transaction, cancellationToken: cancellationToken)));
        var rows = (await connection.QueryAsync<StockOutEvent>(new CommandDefinition(ListNewStockOutsSql,
            new { afterId, upTo, since, limit }, transaction, cancellationToken: cancellationToken))).AsList();
        return new StockOutBatch(rows, rows.Count == limit ? rows[^1].Id : upTo);
    }

    private const string GetLatestSql = """
        -- AlertStore.GetLatestAsync
        SELECT DISTINCT ON (dedup_key) dedup_key, id, created_at, repeats_suppressed
        FROM alerts
        WHERE dedup_key = ANY(@keys)
        ORDER BY dedup_key, created_at DESC, id DESC
        """;

    /// <summary>The newest alert of each of <paramref name="keys"/> that has one.</summary>
    public async Task<IReadOnlyDictionary<string, LatestAlert>> GetLatestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LatestAlert>(new CommandDefinition(GetLatestSql, new { keys = keys.ToArray() }, transaction,
            cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.DedupKey, StringComparer.Ordinal);
    }

    private const string CreateSql = """
        -- AlertStore.CreateAsync
        INSERT INTO alerts (dedup_key, level, kind, message, error_id, execution_id, product_id, product_title, sku, platform, source_url,
                            host, occurred_at, repeats_reported, channels, enqueued_at, created_at)
        VALUES (@DedupKey, @Level, @Kind, @Message, @ErrorId, @ExecutionId, @ProductId, @ProductTitle, @Sku, @Platform, @SourceUrl,
                @Host, @OccurredAt, @RepeatsReported, @Channels, CASE WHEN @NeedsSendJobs THEN NULL ELSE @Now END, @Now)
        RETURNING id
        """;

    /// <summary>Records an alert. One that goes to the log only needs no send job and is marked enqueued at once.</summary>
    public async Task<long> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewAlert alert, CancellationToken cancellationToken)
    {
        alert.Validate();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CreateSql, new
        {
            alert.DedupKey,
            alert.Level,
            alert.Kind,
            alert.Message,
            alert.ErrorId,
            alert.ExecutionId,
            alert.ProductId,
            alert.ProductTitle,
            alert.Sku,
            alert.Platform,
            alert.SourceUrl,
            alert.Host,
            alert.OccurredAt,
            alert.RepeatsReported,
            Channels = alert.Channels.ToArray(),
            NeedsSendJobs = alert.Channels.Any(channel => channel != AlertChannels.Log),
            Now = timeProvider.GetUtcNow(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private const string AddSuppressedSql = """
        -- AlertStore.AddSuppressedRepeatsAsync
        UPDATE alerts SET repeats_suppressed = repeats_suppressed + @count WHERE id = @alertId
        """;

    /// <summary>Counts repeats held back by an alert's cooldown, for the next alert of its key to report.</summary>
    public async Task AddSuppressedRepeatsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long alertId, int count, CancellationToken cancellationToken)
    {
        if (count < 1)
        {
            throw new InvalidInputException("repeats_suppressed", "a suppression counts at least one repeat");
        }

        await connection.ExecuteAsync(new CommandDefinition(AddSuppressedSql, new { alertId, count }, transaction, cancellationToken: cancellationToken));
    }

    private const string ClaimUnenqueuedSql = """
        -- AlertStore.ClaimUnenqueuedAsync
        SELECT id, array_to_string(channels, ',') AS channel_list FROM alerts WHERE enqueued_at IS NULL ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Alerts whose send jobs are not enqueued, locked until the caller's transaction ends (other dispatchers skip them).</summary>
    public async Task<IReadOnlyList<PendingAlert>> ClaimUnenqueuedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PendingAlert>(new CommandDefinition(ClaimUnenqueuedSql,
            new { limit = Math.Clamp(limit, 1, 10_000) }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string MarkEnqueuedSql = """
        -- AlertStore.MarkEnqueuedAsync
        UPDATE alerts SET enqueued_at = @now WHERE id = ANY(@ids) AND enqueued_at IS NULL
        """;

    public async Task MarkEnqueuedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(MarkEnqueuedSql, new { ids = ids.ToArray(), now = timeProvider.GetUtcNow() }, transaction,
            cancellationToken: cancellationToken));
    }

    private const string GetSql = $"""
        -- AlertStore.GetAsync
        SELECT {Columns} FROM alerts WHERE id = @id
        """;

    public async Task<StoredAlert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredAlert>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string ListRecentSql = $"""
        -- AlertStore.ListRecentAsync
        SELECT {Columns} FROM alerts ORDER BY created_at DESC, id DESC LIMIT @limit
        """;

    /// <summary>The newest alerts first.</summary>
    public async Task<IReadOnlyList<StoredAlert>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredAlert>(new CommandDefinition(ListRecentSql,
            new { limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string DeleteOlderThanSql = """
        -- AlertStore.DeleteOlderThanAsync
        DELETE FROM alerts WHERE created_at < @cutoff
        """;

    /// <summary>Retention: forgets alerts raised before the cut-off, with their delivery attempts.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteOlderThanSql, new { cutoff }, cancellationToken: cancellationToken));
    }
}
