using Dapper;
using Npgsql;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// One JST day (2026-11-28, Saturday) of known activity for the daily summary, plus rows just outside it that
/// must not count. The expected figures are written beside the rows that make them.
/// </summary>
public static class SummaryDay
{
    public static readonly DateOnly Day = new(2026, 11, 28);

    /// <summary>00:00 JST of the day.</summary>
    public static readonly DateTimeOffset From = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset To = From.AddDays(1);

    private static readonly DateTimeOffset Noon = From.AddHours(12);
    private static readonly DateTimeOffset DayBefore = From.AddMinutes(-1);

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await SeedExecutionsAsync(connection);
        await SeedHealthChecksAsync(connection);
        var (first, second) = await SeedProductsAsync(connection);
        await SeedHistoryAsync(connection, first.Product, first.Offer);
        await SeedErrorsAsync(connection);
        await SeedListingsAsync(connection, first.Product, second.Product);
    }

    // Finished: completed 5 (stock, price, cleanup, reconcile ×2), partial 1, failed 1 → success 5/7.
    // Check runs processed 300 + 200 + 300 + 50 = 850 with 3 + 12 + 0 + 50 = 65 errors → error rate 7.65 % (missed).
    // Reconcile matched 398 + 100 of 400 + 100 → sync accuracy 99.60 % (met).
    private static async Task SeedExecutionsAsync(NpgsqlConnection connection)
    {
        (string Type, string Status, int Processed, int Errors, string Details, DateTimeOffset At)[] runs =
        [
            ("stock-check", "completed", 300, 3, "{}", Noon),
            ("stock-check", "partial", 200, 12, "{}", Noon.AddHours(1)),
            ("stock-check", "skipped", 0, 0, "{}", Noon.AddHours(1)),
            ("price-check", "completed", 300, 0, "{}", Noon.AddHours(2)),
            ("full-validation", "failed", 50, 50, "{}", Noon.AddHours(3)),
            ("cleanup", "completed", 0, 0, "{}", Noon.AddHours(4)),
            ("reconcile", "completed", 400, 2, """{"checked": 400, "matching": 398}""", Noon.AddHours(5)),
            ("reconcile", "completed", 100, 0, """{"checked": 100, "matching": 100}""", Noon.AddHours(6)),
            ("stock-check", "completed", 999, 999, "{}", DayBefore),
            ("reconcile", "completed", 100, 0, """{"checked": 100, "matching": 0}""", DayBefore),
        ];
        foreach (var run in runs)
        {
            await connection.ExecuteAsync("""
                INSERT INTO inventory_execution_logs (execution_id, process_type, status, started_at, ended_at, last_progress_at,
                                                      total_count, processed_count, error_count, details)
                VALUES (gen_random_uuid(), @Type, @Status, @At, @At, @At, @Processed, @Processed, @Errors, @Details::jsonb)
                """, new { run.Type, run.Status, run.Processed, run.Errors, run.Details, At = run.At.UtcDateTime });
        }
    }

    // Uptime: database 100 ok, hangfire 99 ok + 1 failed → 199/200 = 99.50 % (met, exactly the target).
    // Response time: yahoo 1200 and 1800 ms, amazon 2400 ms → 1.80 s (met); slack and nulls do not count.
    private static async Task SeedHealthChecksAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync("""
            INSERT INTO health_check_results (checked_at, component, status, latency_ms)
            SELECT @noon::timestamptz + make_interval(mins => 5 * i), c.component, CASE WHEN c.component = 'hangfire' AND i = 7 THEN 'failed' ELSE 'ok' END, NULL
            FROM generate_series(1, 100) AS i, (VALUES ('database'), ('hangfire')) AS c(component);
            INSERT INTO health_check_results (checked_at, component, status, latency_ms) VALUES
                (@noon, 'source:yahoo', 'ok', 1200), (@noon, 'source:yahoo', 'ok', 1800), (@noon, 'source:amazon', 'degraded', 2400),
                (@noon, 'source:amazon', 'ok', NULL), (@noon, 'source:slack', 'ok', 9000), (@noon, 'disk', 'failed', NULL),
                (@before, 'database', 'failed', NULL), (@before, 'source:yahoo', 'ok', 60000);
            """, new { noon = Noon.UtcDateTime, before = DayBefore.UtcDateTime });
    }

    private static async Task<((long Product, long Offer) First, (long Product, long Offer) Second)> SeedProductsAsync(NpgsqlConnection connection)
    {
        async Task<(long, long)> CreateAsync(string sku, string title, string auction)
        {
            var product = await connection.ExecuteScalarAsync<long>("INSERT INTO products (sku, title) VALUES (@sku, @title) RETURNING id", new { sku, title });
            var offer = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO inventory_management (product_id, source_platform, source_url, source_product_id)
                VALUES (@product, 'yahoo', 'https://auctions.yahoo.co.jp/jp/auction/' || @auction, @auction) RETURNING id
                """, new { product, auction });
            return (product, offer);
        }

        return (await CreateAsync("SKU-A", "商品A カメラ", "a100000001"), await CreateAsync("SKU-B", "商品B レンズ", "b100000002"));
    }

    // Stock changes 2 + 1 + 1 (both) = 4, of which stock-outs 2 + 1 = 3; price changes 3 + 1 = 4; status changes 1.
    private static async Task SeedHistoryAsync(NpgsqlConnection connection, long product, long offer)
    {
        (int? PreviousStock, int? NewStock, decimal? PreviousPrice, decimal? NewPrice, string Type, DateTimeOffset At)[] rows =
        [
            (1, 0, null, null, "stock_change", Noon), (2, 0, null, null, "stock_change", Noon), (2, 3, null, null, "stock_change", Noon),
            (null, null, 1000m, 1100m, "price_change", Noon), (null, null, 1100m, 1200m, "price_change", Noon), (null, null, 900m, 800m, "price_change", Noon),
            (1, 0, 1000m, 1500m, "both", Noon), (null, null, null, null, "status_change", Noon), (5, 0, null, null, "stock_change", DayBefore),
        ];
        foreach (var row in rows)
        {
            await connection.ExecuteAsync("""
                INSERT INTO stock_history (created_at, inventory_id, product_id, previous_stock, new_stock, previous_price, new_price,
                                           previous_status, new_status, change_type, change_source)
                VALUES (@At, @offer, @product, @PreviousStock, @NewStock, @PreviousPrice, @NewPrice,
                        CASE WHEN @Type = 'status_change' THEN 'active' END, CASE WHEN @Type = 'status_change' THEN 'ended' END, @Type, 'stock-check')
                """, new { At = row.At.UtcDateTime, offer, product, row.PreviousStock, row.NewStock, row.PreviousPrice, row.NewPrice, row.Type });
        }
    }

    // 18 errors in the day. Top 5: timeout 6, blocked 4, layout_changed 4 (highest critical), price_spike 2, api_error 1
    // (before url_dead 1 alphabetically); internal 10 happened the day before.
    private static async Task SeedErrorsAsync(NpgsqlConnection connection)
    {
        (string Type, string Severity, int Count, DateTimeOffset At)[] errors =
        [
            ("timeout", "low", 6, Noon), ("layout_changed", "medium", 3, Noon), ("layout_changed", "critical", 1, Noon), ("blocked", "medium", 4, Noon),
            ("price_spike", "medium", 2, Noon), ("url_dead", "low", 1, Noon), ("api_error", "high", 1, Noon), ("internal", "critical", 10, DayBefore),
        ];
        foreach (var error in errors)
        {
            await connection.ExecuteAsync("""
                INSERT INTO inventory_errors (error_type, severity, message, created_at)
                SELECT @Type, @Severity, 'seeded ' || @Type, @At FROM generate_series(1, @Count)
                """, new { error.Type, error.Severity, error.Count, At = error.At.UtcDateTime });
        }
    }

    // Held: A's eBay listing whole, A's Mercari and B's Amazon listing price only → 3 listings of 2 products; B's Mercari is fine.
    private static async Task SeedListingsAsync(NpgsqlConnection connection, long first, long second)
    {
        await connection.ExecuteAsync("""
            INSERT INTO listing_platforms (product_id, platform, ebay_sku, ebay_offer_id, currency, sync_state, hold_reason)
            VALUES (@first, 'ebay', 'SKU-A', '900001', 'USD', 'held', 'ソースの商品が別の商品に変わりました');
            INSERT INTO listing_platforms (product_id, platform, mercari_product_id, currency, price_hold_reason)
            VALUES (@first, 'mercari', 'mA', 'JPY', '価格が +45.0 % 動きます (上限 30 %)');
            INSERT INTO listing_platforms (product_id, platform, amazon_seller_sku, currency, price_hold_reason)
            VALUES (@second, 'amazon', 'SKU-B-AMZ', 'JPY', '価格が −35.0 % 動きます (上限 30 %)');
            INSERT INTO listing_platforms (product_id, platform, mercari_product_id, currency) VALUES (@second, 'mercari', 'mB', 'JPY');
            """, new { first, second });
    }
}
