using Dapper;
using Npgsql;

namespace Zaiko.Data.Alerts;

/// <summary>The figures of the daily summary, read for a period [from, to) in one snapshot.</summary>
public sealed class DailySummaryStore(NpgsqlDataSource dataSource)
{
    /// <summary>The check runs whose processed items and errors make up the error-rate KPI.</summary>
    public static readonly IReadOnlyList<string> CheckProcessTypes = [ProcessTypes.StockCheck, ProcessTypes.PriceCheck, ProcessTypes.FullValidation];

    private const string ExecutionsSql = """
        -- DailySummaryStore.GetAsync (executions)
        SELECT process_type,
               count(*)::int AS runs,
               count(*) FILTER (WHERE status = 'completed')::int AS completed,
               count(*) FILTER (WHERE status = 'partial')::int AS partial,
               count(*) FILTER (WHERE status = 'failed')::int AS failed,
               count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
               coalesce(sum(processed_count), 0)::bigint AS processed,
               coalesce(sum(updated_count), 0)::bigint AS updated,
               coalesce(sum(error_count), 0)::bigint AS errors
        FROM inventory_execution_logs
        WHERE started_at >= @from AND started_at < @to
        GROUP BY process_type
        ORDER BY process_type
        """;

    private const string ChangesSql = """
        -- DailySummaryStore.GetAsync (changes)
        SELECT count(*) FILTER (WHERE change_type IN ('stock_change', 'both')) AS stock_changes,
               count(*) FILTER (WHERE change_type IN ('price_change', 'both')) AS price_changes,
               count(*) FILTER (WHERE change_type = 'status_change') AS status_changes,
               count(*) FILTER (WHERE previous_stock > 0 AND new_stock = 0) AS stock_outs
        FROM stock_history
        WHERE created_at >= @from AND created_at < @to
        """;

    private const string ErrorCountSql = """
        -- DailySummaryStore.GetAsync (error count)
        SELECT count(*) FROM inventory_errors WHERE created_at >= @from AND created_at < @to
        """;

    private const string TopErrorsSql = """
        -- DailySummaryStore.GetAsync (top errors)
        SELECT error_type, count(*) AS count,
               (ARRAY['low', 'medium', 'high', 'critical'])[max(array_position(ARRAY['low', 'medium', 'high', 'critical'], severity))] AS highest_severity
        FROM inventory_errors
        WHERE created_at >= @from AND created_at < @to
        GROUP BY error_type
        ORDER BY count(*) DESC, error_type
        LIMIT @topErrors
        """;

    private const string HeldCountSql = """
        -- DailySummaryStore.GetAsync (held counts)
        SELECT count(*) AS listings, count(DISTINCT product_id) AS products
        FROM listing_platforms
        WHERE sync_state = 'held' OR price_hold_reason IS NOT NULL
        """;

    private const string HeldListingsSql = """
        -- DailySummaryStore.GetAsync (held listings)
        SELECT l.id AS listing_id, l.product_id, p.sku, p.title, l.platform,
               coalesce(CASE WHEN l.sync_state = 'held' THEN l.hold_reason END, l.price_hold_reason, l.hold_reason, '') AS reason,
               l.sync_state <> 'held' AS price_only
        FROM listing_platforms l
        JOIN products p ON p.id = l.product_id
        WHERE l.sync_state = 'held' OR l.price_hold_reason IS NOT NULL
        ORDER BY l.updated_at DESC, l.id DESC
        LIMIT @heldListings
        """;

    // The alert webhooks are outbound clients too, so the health check lists them as source:slack and
    // source:webhook; their latency says nothing about how fast the marketplaces answer.
    private static readonly string[] NotSources = ["source:slack", "source:webhook"];

    // Reconcile runs write {"checked": n, "matching": m}; anything else in details is not theirs to count.
    private const string KpiSql = """
        -- DailySummaryStore.GetAsync (kpi inputs)
        SELECT
            (SELECT count(*) FROM health_check_results
             WHERE component IN ('database', 'hangfire') AND checked_at >= @from AND checked_at < @to) AS health_checks,
            (SELECT count(*) FROM health_check_results
             WHERE component IN ('database', 'hangfire') AND status = 'ok' AND checked_at >= @from AND checked_at < @to) AS health_checks_ok,
            coalesce(r.checked, 0)::bigint AS reconcile_checked,
            coalesce(r.matching, 0)::bigint AS reconcile_matching,
            (SELECT avg(latency_ms) FROM health_check_results
             WHERE component LIKE 'source:%' AND component <> ALL(@notSources) AND latency_ms IS NOT NULL
               AND checked_at >= @from AND checked_at < @to) AS average_source_latency_ms,
            coalesce(c.errors, 0)::bigint AS check_errors,
            coalesce(c.processed, 0)::bigint AS check_processed
        FROM (SELECT sum((details ->> 'checked')::numeric) AS checked, sum((details ->> 'matching')::numeric) AS matching
              FROM inventory_execution_logs
              WHERE process_type = 'reconcile' AND started_at >= @from AND started_at < @to
                AND jsonb_typeof(details -> 'checked') = 'number' AND jsonb_typeof(details -> 'matching') = 'number') r,
             (SELECT sum(error_count) AS errors, sum(processed_count) AS processed
              FROM inventory_execution_logs
              WHERE process_type = ANY(@checkTypes) AND started_at >= @from AND started_at < @to) c
        """;

    /// <summary>The summary of [<paramref name="from"/>, <paramref name="to"/>) (UTC instants).</summary>
    public async Task<DaySummary> GetAsync(DateTimeOffset from, DateTimeOffset to, int topErrors, int heldListings, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new InvalidInputException("to", "the period must end after it starts");
        }

        var parameters = new
        {
            from = from.ToUniversalTime(),
            to = to.ToUniversalTime(),
            topErrors = Math.Clamp(topErrors, 1, 100),
            heldListings = Math.Clamp(heldListings, 1, 1000),
            checkTypes = CheckProcessTypes.ToArray(),
            notSources = NotSources,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot: figures that are compared with each other must not come from different moments.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        CommandDefinition Command(string sql) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        var executions = (await connection.QueryAsync<ExecutionTally>(Command(ExecutionsSql))).AsList();
        var changes = await connection.QuerySingleAsync<ChangeTally>(Command(ChangesSql));
        var errorCount = await connection.ExecuteScalarAsync<long>(Command(ErrorCountSql));
        var top = (await connection.QueryAsync<ErrorTypeTally>(Command(TopErrorsSql))).AsList();
        var (heldCount, heldProducts) = await connection.QuerySingleAsync<(long Listings, long Products)>(Command(HeldCountSql));
        var held = (await connection.QueryAsync<HeldListing>(Command(HeldListingsSql))).AsList();
        var kpis = await connection.QuerySingleAsync<KpiInputs>(Command(KpiSql));
        await transaction.CommitAsync(cancellationToken);
        return new DaySummary(from, to, executions, changes, errorCount, top, heldCount, heldProducts, held, kpis);
    }
}
