using Dapper;
using Npgsql;

namespace Zaiko.Data.Alerts;

/// <summary>
/// alert_log: every delivery attempt of an alert on a channel (sent, or failed with the error) and every
/// repeat a cooldown held back (suppressed, counted). Send jobs read it to never send the same thing twice.
/// </summary>
public sealed class AlertLogStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const int MaxErrorLength = 2000;
    private const int MaxSubjectLength = 500;

    private const string Columns = "id, alert_id, dedup_key, channel, severity, subject, result, attempt, suppressed_count, error, sent_at";

    // The attempt number counts earlier deliveries of the same alert (or, without one, the same key) on the channel.
    private const string RecordSql = """
        -- AlertLogStore.RecordAsync
        INSERT INTO alert_log (alert_id, dedup_key, channel, severity, subject, result, attempt, suppressed_count, error, sent_at)
        SELECT @AlertId, @DedupKey, @Channel, @Level, @Subject, @Outcome,
               CASE WHEN @Outcome = 'suppressed' THEN 1 ELSE 1 + (
                   SELECT count(*) FROM alert_log
                   WHERE dedup_key = @DedupKey AND channel = @Channel AND alert_id IS NOT DISTINCT FROM @AlertId AND result <> 'suppressed')
               END,
               @SuppressedCount, @Error, @Now
        RETURNING attempt
        """;

    /// <summary>Writes one line; returns its attempt number.</summary>
    public async Task<int> RecordAsync(AlertAttempt attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RecordAsync(connection, null, attempt, cancellationToken);
    }

    /// <summary>Writes one line inside the caller's transaction (the dispatcher records suppressions with its cursors).</summary>
    public async Task<int> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AlertAttempt attempt, CancellationToken cancellationToken)
    {
        Validate(attempt);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(RecordSql, new
        {
            attempt.AlertId,
            attempt.DedupKey,
            attempt.Channel,
            attempt.Level,
            Subject = Truncate(attempt.Subject, MaxSubjectLength),
            attempt.Outcome,
            attempt.SuppressedCount,
            Error = attempt.Error is null ? null : Truncate(attempt.Error, MaxErrorLength),
            Now = timeProvider.GetUtcNow(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private static void Validate(AlertAttempt attempt)
    {
        if (string.IsNullOrWhiteSpace(attempt.DedupKey))
        {
            throw new InvalidInputException("dedup_key", "is required");
        }

        if (!AlertChannels.All.Contains(attempt.Channel))
        {
            throw new InvalidInputException("channel", $"'{attempt.Channel}' is not one of {string.Join(", ", AlertChannels.All)}");
        }

        if (!AlertLevels.Ordered.Contains(attempt.Level))
        {
            throw new InvalidInputException("severity", $"'{attempt.Level}' is not one of {string.Join(", ", AlertLevels.Ordered)}");
        }

        if (attempt.Outcome is not (AlertResults.Sent or AlertResults.Failed or AlertResults.Suppressed))
        {
            throw new InvalidInputException("result", $"'{attempt.Outcome}' is not one of sent, failed, suppressed");
        }

        if (string.IsNullOrWhiteSpace(attempt.Subject))
        {
            throw new InvalidInputException("subject", "is required");
        }

        if (attempt.Outcome == AlertResults.Suppressed ? attempt.SuppressedCount < 1 : attempt.SuppressedCount != 0)
        {
            throw new InvalidInputException("suppressed_count", "counts the repeats of a suppression, and only of one");
        }
    }

    private const string WasSentSql = """
        -- AlertLogStore.WasSentAsync
        SELECT EXISTS (
            SELECT 1 FROM alert_log
            WHERE dedup_key = @dedupKey AND channel = @channel AND alert_id IS NOT DISTINCT FROM @alertId AND result = 'sent')
        """;

    /// <summary>Whether the alert (or, with no alert, the key) has already gone out on the channel.</summary>
    public async Task<bool> WasSentAsync(long? alertId, string dedupKey, string channel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(WasSentSql, new { alertId, dedupKey, channel }, cancellationToken: cancellationToken));
    }

    private const string ListForKeySql = $"""
        -- AlertLogStore.ListForKeyAsync
        SELECT {Columns} FROM alert_log WHERE dedup_key = @dedupKey ORDER BY sent_at, id
        """;

    /// <summary>Everything logged for a dedup key, oldest first.</summary>
    public async Task<IReadOnlyList<AlertLogEntry>> ListForKeyAsync(string dedupKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertLogEntry>(new CommandDefinition(ListForKeySql, new { dedupKey }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ListRecentSql = $"""
        -- AlertLogStore.ListRecentAsync
        SELECT {Columns} FROM alert_log ORDER BY sent_at DESC, id DESC LIMIT @limit
        """;

    /// <summary>The newest lines first.</summary>
    public async Task<IReadOnlyList<AlertLogEntry>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertLogEntry>(new CommandDefinition(ListRecentSql,
            new { limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string DeleteOlderThanSql = """
        -- AlertLogStore.DeleteOlderThanAsync
        DELETE FROM alert_log WHERE alert_id IS NULL AND sent_at < @cutoff
        """;

    /// <summary>
    /// Retention for entries that belong to no alert (the daily summaries); an alert's attempts go with the alert.
    /// </summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteOlderThanSql, new { cutoff }, cancellationToken: cancellationToken));
    }

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..(maxLength - 1)] + "…";
}
