using Dapper;
using Npgsql;

namespace Zaiko.Data.Errors;

public sealed class ErrorStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const int MaxMessageLength = 4000;

    internal const string Columns = """
        id, execution_id, product_id, inventory_id, listing_id, error_type, error_code, message, stack_trace,
        product_title, source_url, platform, severity, resolved, resolution_notes, resolved_at, resolved_by, created_at
        """;

    private const string RecordSql = """
        -- ErrorStore.RecordAsync
        INSERT INTO inventory_errors (execution_id, product_id, inventory_id, listing_id, error_type, error_code, message,
                                      stack_trace, product_title, source_url, platform, severity, created_at)
        VALUES (@ExecutionId, @ProductId, @InventoryId, @ListingId, @ErrorType, @ErrorCode, @Message,
                @StackTrace, @ProductTitle, @SourceUrl, @Platform, @Severity, @Now)
        RETURNING id
        """;

    public async Task<long> RecordAsync(NewError error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RecordAsync(connection, null, error, cancellationToken);
    }

    /// <summary>Records an error inside the caller's transaction.</summary>
    public async Task<long> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, NewError error, CancellationToken cancellationToken)
    {
        error.Validate();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(RecordSql, new
        {
            error.ExecutionId,
            error.ProductId,
            error.InventoryId,
            error.ListingId,
            error.ErrorType,
            error.ErrorCode,
            Message = Truncate(error.Message, MaxMessageLength),
            error.StackTrace,
            error.ProductTitle,
            error.SourceUrl,
            error.Platform,
            error.Severity,
            Now = timeProvider.GetUtcNow(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private const string GetSql = $"""
        -- ErrorStore.GetAsync
        SELECT {Columns} FROM inventory_errors WHERE id = @id
        """;

    public async Task<InventoryError?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InventoryError>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string ResolveSql = """
        -- ErrorStore.ResolveAsync
        UPDATE inventory_errors
        SET resolved = true, resolution_notes = @notes, resolved_at = @now, resolved_by = @resolvedBy
        WHERE id = @id AND NOT resolved
        """;

    /// <summary>Marks an error resolved; false when it does not exist or was already resolved.</summary>
    public async Task<bool> ResolveAsync(long id, string? notes, string resolvedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resolvedBy))
        {
            throw new InvalidInputException("resolved_by", "is required: every resolution records who made it");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(ResolveSql,
            new { id, notes, resolvedBy, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string CountForExecutionSql = """
        -- ErrorStore.CountForExecutionAsync
        SELECT error_type, coalesce(platform, '') AS platform, count(*) AS count
        FROM inventory_errors
        WHERE execution_id = @executionId
        GROUP BY error_type, platform
        """;

    /// <summary>How many errors of each type and platform a run recorded, for its run-level anomaly rules (inside the closing transaction).</summary>
    public async Task<IReadOnlyList<ErrorCount>> CountForExecutionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid executionId,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ErrorCount>(new CommandDefinition(CountForExecutionSql, new { executionId }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string DeleteResolvedSql = """
        -- ErrorStore.DeleteResolvedOlderThanAsync
        DELETE FROM inventory_errors WHERE resolved AND resolved_at < @cutoff
        """;

    /// <summary>Retention: forgets errors resolved before the cut-off. Unresolved errors are kept, however old.</summary>
    public async Task<int> DeleteResolvedOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteResolvedSql, new { cutoff }, cancellationToken: cancellationToken));
    }

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..(maxLength - 1)] + "…";
}
