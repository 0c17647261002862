using Dapper;
using Npgsql;

namespace Zaiko.Data.Security;

/// <summary>Read-only views of the audit log for pages and tests.</summary>
public sealed class AuditQueries(NpgsqlDataSource dataSource)
{
    private const string ListRecentSql = """
        -- AuditQueries.ListRecentAsync
        SELECT id, occurred_at, actor, action, target, host(ip_address) AS ip_address, success, details::text AS details
        FROM security_audit_log
        WHERE (@actor::text IS NULL OR actor = @actor)
        ORDER BY occurred_at DESC, id DESC
        LIMIT @limit
        """;

    /// <summary>The newest entries, of one actor when given.</summary>
    public async Task<IReadOnlyList<StoredAuditEntry>> ListRecentAsync(string? actor, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredAuditEntry>(new CommandDefinition(ListRecentSql,
            new { actor, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
