using Dapper;
using Hangfire.Server;
using Npgsql;

namespace Zaiko.Web.Hosting;

/// <summary>
/// Folds Hangfire's counter rows (one per job success, per day, per hour) into their aggregated totals, which the
/// dashboard's statistics and history graphs read. Stands in for Hangfire.PostgreSql's own aggregator (see
/// <see cref="ZaikoJobStorage"/>): every row is moved by exactly one statement that both deletes it and adds it,
/// so any number of aggregators — two Hangfire servers per process, several processes — may run at once, and a
/// counter written while a pass runs is left for the next pass instead of being deleted unaggregated.
/// </summary>
#pragma warning disable CS0618 // Hangfire.PostgreSql still starts its storage processes through IServerComponent.
public sealed partial class HangfireCounterAggregator(NpgsqlDataSource dataSource, string schemaName, TimeSpan interval,
    ILogger<HangfireCounterAggregator> logger) : IServerComponent
#pragma warning restore CS0618
{
    /// <summary>Rows moved per transaction: large enough to drain a busy five minutes (≈ 3 rows per job) in few passes.</summary>
    public const int RowsPerPass = 5000;

    // SKIP LOCKED: rows another aggregator is moving right now are its to add; they are not waited for nor counted twice.
    private readonly string _aggregateQuery = $"""
        -- HangfireCounterAggregator
        WITH moved AS (
            DELETE FROM "{schemaName}".counter
            WHERE id IN (SELECT id FROM "{schemaName}".counter LIMIT {RowsPerPass} FOR UPDATE SKIP LOCKED)
            RETURNING key, value, expireat),
        merged AS (
            INSERT INTO "{schemaName}".aggregatedcounter (key, value, expireat)
            SELECT key, sum(value), max(expireat) FROM moved GROUP BY key
            ON CONFLICT (key) DO UPDATE
            SET value = aggregatedcounter.value + excluded.value, expireat = excluded.expireat)
        SELECT count(*)::int FROM moved
        """;

    /// <summary>Moves one batch of counter rows into their totals and returns how many rows it moved.</summary>
    public int AggregateOnce()
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<int>(_aggregateQuery);
    }

    public void Execute(CancellationToken cancellationToken)
    {
        var total = 0;
        int moved;
        do
        {
            moved = AggregateOnce();
            total += moved;
        }
        while (moved == RowsPerPass && !cancellationToken.IsCancellationRequested);

        if (total > 0)
        {
            LogAggregated(logger, total);
        }

        cancellationToken.WaitHandle.WaitOne(interval);
    }

    public override string ToString() => "Zaiko counter aggregator";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Aggregated {Rows} Hangfire counter rows")]
    private static partial void LogAggregated(ILogger logger, int rows);
}
