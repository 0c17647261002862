using Dapper;
using Npgsql;

namespace Zaiko.Data.Security;

/// <summary>The security audit log: sign-ins and every change made through the console, append-only.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const int MaxText = 500;

    private const string RecordSql = """
        -- AuditStore.RecordAsync
        INSERT INTO security_audit_log (occurred_at, actor, action, target, ip_address, success, details)
        VALUES (@now, @Actor, @Action, @Target, @IpAddress::inet, @Success, @DetailsJson::jsonb)
        """;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            Actor = Cut(entry.Actor),
            Action = Cut(entry.Action),
            Target = entry.Target is null ? null : Cut(entry.Target),
            IpAddress = entry.IpAddress?.ToString(),
            entry.Success,
            entry.DetailsJson,
            now = timeProvider.GetUtcNow(),
        }, cancellationToken: cancellationToken));
    }

    private static string Cut(string value) => value.Length <= MaxText ? value : value[..MaxText];
}
