using Dapper;
using Npgsql;

namespace Zaiko.Data.Executions;

/// <summary>Read-only lists of runs for pages and reports; jobs write through <see cref="ExecutionStore"/>.</summary>
public sealed class ExecutionQueries(NpgsqlDataSource dataSource)
{
    private const string ListRecentSql = $"""
        -- ExecutionQueries.ListRecentAsync
        SELECT {ExecutionStore.Columns} FROM inventory_execution_logs
        WHERE (@processType::text IS NULL OR process_type = @processType)
        ORDER BY started_at DESC, id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<Execution>> ListRecentAsync(string? processType, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Execution>(new CommandDefinition(ListRecentSql,
            new { processType, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
