using Dapper;
using Npgsql;

namespace Zaiko.Data.Executions;

/// <summary>
/// Execution logs and the cluster-wide exclusive control they provide: the partial unique index
/// executions_one_running_per_type admits one running execution per process type across all processes.
/// </summary>
public sealed class ExecutionStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    internal const string Columns = """
        id, execution_id, process_type, status, started_at, ended_at, last_progress_at, worker_id, triggered_by,
        total_count, processed_count, updated_count, error_count, details::text AS details
        """;

    private const string StartSql = """
        -- ExecutionStore.TryStartAsync
        INSERT INTO inventory_execution_logs (execution_id, process_type, status, started_at, last_progress_at, worker_id, triggered_by)
        VALUES (@executionId, @processType, 'running', @now, @now, @workerId, @triggeredBy)
        """;

    private const string SkipSql = """
        -- ExecutionStore.TryStartAsync (skipped)
        INSERT INTO inventory_execution_logs (execution_id, process_type, status, started_at, ended_at, last_progress_at,
                                              worker_id, triggered_by, details)
        SELECT @executionId, @processType, 'skipped', @now, @now, @now, @workerId, @triggeredBy,
               jsonb_build_object('reason', 'another execution of this type is running', 'running_execution_id', r.execution_id)
        FROM (SELECT (SELECT execution_id FROM inventory_execution_logs WHERE process_type = @processType AND status = 'running') AS execution_id) r
        RETURNING (details ->> 'running_execution_id')::uuid
        """;

    /// <summary>
    /// Opens a running execution, or records a skipped one when an execution of the same type is running.
    /// </summary>
    public async Task<ExecutionStart> TryStartAsync(string processType, string? workerId, string triggeredBy, CancellationToken cancellationToken)
    {
        if (!ProcessTypes.All.Contains(processType))
        {
            throw new InvalidInputException("process_type", $"'{processType}' is not one of {string.Join(", ", ProcessTypes.All)}");
        }

        var executionId = Guid.CreateVersion7(timeProvider.GetUtcNow());
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(StartSql,
                new { executionId, processType, now, workerId, triggeredBy }, cancellationToken: cancellationToken));
            return new ExecutionStart(executionId, true, null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "executions_one_running_per_type")
        {
            var running = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(SkipSql,
                new { executionId, processType, now, workerId, triggeredBy }, cancellationToken: cancellationToken));
            return new ExecutionStart(executionId, false, running);
        }
    }

    private const string RecordProgressSql = """
        -- ExecutionStore.RecordProgressAsync
        UPDATE inventory_execution_logs
        SET processed_count = processed_count + @processed,
            updated_count = updated_count + @updated,
            error_count = error_count + @errors,
            last_progress_at = @now
        WHERE execution_id = @executionId
        """;

    /// <summary>Adds to the execution's counters atomically (many checks report at once).</summary>
    public async Task RecordProgressAsync(Guid executionId, int processed, int updated, int errors, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await RecordProgressAsync(connection, null, executionId, processed, updated, errors, cancellationToken);
    }

    public async Task RecordProgressAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid executionId,
        int processed, int updated, int errors, CancellationToken cancellationToken)
    {
        if (processed < 0 || updated < 0 || errors < 0)
        {
            throw new InvalidInputException("processed_count", "progress is counted upwards only");
        }

        await connection.ExecuteAsync(new CommandDefinition(RecordProgressSql,
            new { executionId, processed, updated, errors, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
    }

    private const string FinishSql = """
        -- ExecutionStore.FinishAsync
        UPDATE inventory_execution_logs
        SET status = @status, ended_at = greatest(@now, started_at), last_progress_at = @now,
            details = details || coalesce(@details::jsonb, '{}'::jsonb)
        WHERE execution_id = @executionId AND status = 'running'
        """;

    /// <summary>Closes a running execution; false when it was not running (already closed by another process).</summary>
    public async Task<bool> FinishAsync(Guid executionId, string status, string? detailsJson, CancellationToken cancellationToken)
    {
        if (!ExecutionStatuses.Finished.Contains(status))
        {
            throw new InvalidInputException("status", $"an execution finishes as one of {string.Join(", ", ExecutionStatuses.Finished)}, not '{status}'");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(FinishSql,
            new { executionId, status, details = detailsJson, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string GetSql = $"""
        -- ExecutionStore.GetAsync
        SELECT {Columns} FROM inventory_execution_logs WHERE execution_id = @executionId
        """;

    public async Task<Execution?> GetAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Execution>(new CommandDefinition(GetSql, new { executionId }, cancellationToken: cancellationToken));
    }

    private const string FailStaleSql = """
        -- ExecutionStore.FailStaleAsync
        UPDATE inventory_execution_logs
        SET status = 'failed', ended_at = greatest(@now, started_at),
            details = details || jsonb_build_object('failure', 'no progress since ' || last_progress_at::text || '; closed as stale')
        WHERE status = 'running' AND last_progress_at < @noProgressSince
        RETURNING execution_id
        """;

    /// <summary>
    /// Closes running executions that made no progress since the given time as failed, so a crashed run
    /// cannot hold the exclusive lock forever. Returns the ids closed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FailStaleAsync(DateTimeOffset noProgressSince, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(FailStaleSql,
            new { noProgressSince, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return ids.AsList();
    }

    private const string CountCheckSql = """
        -- ExecutionStore.CountCheckAsync
        UPDATE inventory_execution_logs
        SET processed_count = processed_count + @processed,
            updated_count = updated_count + @updated,
            error_count = error_count + @errors,
            last_progress_at = @now
        WHERE execution_id = @executionId
        RETURNING processed_count, total_count, fan_out_completed_at IS NOT NULL AS fan_out_completed
        """;

    /// <summary>
    /// Counts checks of a run inside the caller's transaction and returns the counters. Call it last in the
    /// transaction: every check of a run updates this one row, so its lock should be held only until commit.
    /// </summary>
    public async Task<ExecutionProgress?> CountCheckAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid executionId,
        int processed, bool updated, bool failed, CancellationToken cancellationToken)
    {
        return await connection.QuerySingleOrDefaultAsync<ExecutionProgress>(new CommandDefinition(CountCheckSql, new
        {
            executionId,
            processed,
            updated = updated ? processed : 0,
            errors = failed ? processed : 0,
            now = timeProvider.GetUtcNow(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private const string CompleteFanOutSql = """
        -- ExecutionStore.CompleteFanOutAsync
        UPDATE inventory_execution_logs
        SET total_count = @total, fan_out_completed_at = @now, last_progress_at = @now,
            details = details || coalesce(@details::jsonb, '{}'::jsonb)
        WHERE execution_id = @executionId AND status = 'running'
        RETURNING processed_count, total_count, true AS fan_out_completed
        """;

    /// <summary>Records that every check of the run has been enqueued, with their number.</summary>
    public async Task<ExecutionProgress?> CompleteFanOutAsync(Guid executionId, int total, string? detailsJson, CancellationToken cancellationToken)
    {
        if (total < 0)
        {
            throw new InvalidInputException("total_count", "cannot be negative");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ExecutionProgress>(new CommandDefinition(CompleteFanOutSql,
            new { executionId, total, details = detailsJson, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private const string CloseSql = $"""
        -- ExecutionStore.TryCloseAsync
        UPDATE inventory_execution_logs
        SET status = CASE WHEN error_count > 0 THEN 'partial' ELSE 'completed' END,
            ended_at = greatest(@now, started_at), last_progress_at = @now
        WHERE execution_id = @executionId AND status = 'running'
          AND fan_out_completed_at IS NOT NULL AND processed_count >= total_count
        RETURNING {Columns}
        """;

    /// <summary>
    /// Closes a run whose fan-out is complete and whose checks have all reported — completed, or partial
    /// when any check failed. Exactly one caller gets the closed execution back; the others get null.
    /// </summary>
    /// <remarks>Inside the caller's transaction, so what closing the run decides (its anomalies) commits with it or not at all.</remarks>
    public async Task<Execution?> TryCloseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid executionId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Execution>(new CommandDefinition(CloseSql,
            new { executionId, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    private const string DeleteFinishedSql = """
        -- ExecutionStore.DeleteFinishedOlderThanAsync
        DELETE FROM inventory_execution_logs WHERE status <> 'running' AND started_at < @cutoff
        """;

    /// <summary>Retention: forgets finished executions started before the cut-off (their errors stay, unlinked).</summary>
    public async Task<int> DeleteFinishedOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteFinishedSql, new { cutoff }, cancellationToken: cancellationToken));
    }
}
