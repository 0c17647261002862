using Dapper;
using Npgsql;

namespace Zaiko.Data.Errors;

/// <summary>Read-only lists and counts of errors for pages and reports; the pipeline writes through <see cref="ErrorStore"/>.</summary>
public sealed class ErrorQueries(NpgsqlDataSource dataSource)
{
    private const string ListUnresolvedSql = $"""
        -- ErrorQueries.ListUnresolvedAsync
        SELECT {ErrorStore.Columns} FROM inventory_errors
        WHERE NOT resolved AND severity = ANY(@severities)
        ORDER BY created_at DESC, id DESC
        LIMIT @limit
        """;

    /// <summary>Unresolved errors at or above a severity, newest first.</summary>
    public async Task<IReadOnlyList<InventoryError>> ListUnresolvedAsync(string minimumSeverity, int limit, CancellationToken cancellationToken)
    {
        var severities = Severities.Ordered.Skip(Severities.Rank(minimumSeverity)).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InventoryError>(new CommandDefinition(ListUnresolvedSql,
            new { severities, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ListForExecutionSql = $"""
        -- ErrorQueries.ListForExecutionAsync
        SELECT {ErrorStore.Columns} FROM inventory_errors WHERE execution_id = @executionId ORDER BY id
        """;

    public async Task<IReadOnlyList<InventoryError>> ListForExecutionAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InventoryError>(new CommandDefinition(ListForExecutionSql, new { executionId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string CountUnresolvedSql = """
        -- ErrorQueries.CountUnresolvedBySeverityAsync
        SELECT severity, count(*) FROM inventory_errors WHERE NOT resolved GROUP BY severity
        """;

    public async Task<IReadOnlyDictionary<string, long>> CountUnresolvedBySeverityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Severity, long Count)>(new CommandDefinition(CountUnresolvedSql, cancellationToken: cancellationToken));
        var counts = Severities.Ordered.ToDictionary(severity => severity, _ => 0L);
        foreach (var (severity, count) in rows)
        {
            counts[severity] = count;
        }

        return counts;
    }
}
