using Dapper;
using Npgsql;

namespace Zaiko.Data.Health;

public sealed class HealthCheckStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private static readonly HashSet<string> Statuses = [HealthCheckResult.Ok, HealthCheckResult.Degraded, HealthCheckResult.Failed];

    private const string RecordSql = """
        -- HealthCheckStore.RecordAsync
        INSERT INTO health_check_results (checked_at, component, status, latency_ms, details)
        SELECT @now, component, status, latency_ms, details::jsonb
        FROM unnest(@components, @statuses, @latencies, @details) AS r(component, status, latency_ms, details)
        """;

    /// <summary>Records one health check's results together, all with the same time.</summary>
    public async Task RecordAsync(IReadOnlyList<HealthCheckResult> results, CancellationToken cancellationToken)
    {
        var invalid = results.FirstOrDefault(r => !Statuses.Contains(r.Status));
        if (invalid is not null)
        {
            throw new InvalidInputException("status", $"'{invalid.Status}' of {invalid.Component} is not one of ok, degraded, failed");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            now = timeProvider.GetUtcNow(),
            components = results.Select(r => r.Component).ToArray(),
            statuses = results.Select(r => r.Status).ToArray(),
            latencies = results.Select(r => r.LatencyMs).ToArray(),
            details = results.Select(r => r.DetailsJson).ToArray(),
        }, cancellationToken: cancellationToken));
    }

    private const string ListLatestSql = """
        -- HealthCheckStore.ListLatestAsync
        SELECT DISTINCT ON (component) id, checked_at, component, status, latency_ms, details::text AS details
        FROM health_check_results
        ORDER BY component, checked_at DESC, id DESC
        """;

    /// <summary>The newest result of every component.</summary>
    public async Task<IReadOnlyList<StoredHealthCheck>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredHealthCheck>(new CommandDefinition(ListLatestSql, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string DeleteOlderThanSql = """
        -- HealthCheckStore.DeleteOlderThanAsync
        DELETE FROM health_check_results WHERE checked_at < @cutoff
        """;

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteOlderThanSql, new { cutoff }, cancellationToken: cancellationToken));
    }

    private const string PingSql = """
        -- HealthCheckStore.PingAsync
        SELECT 1
        """;

    /// <summary>One database round trip.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
    }
}
