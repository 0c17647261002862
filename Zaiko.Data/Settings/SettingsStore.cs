using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Zaiko.Data.Settings;

/// <summary>
/// Settings as one JSON document per key. Every write bumps the version and keeps the previous value in
/// settings_history, with who changed it. Readers get a typed default when a key was never written.
/// </summary>
public sealed class SettingsStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Regex KeyFormat = new("^[a-z][a-z0-9_.-]{0,99}$", RegexOptions.CultureInvariant);

    private const string GetSql = """
        -- SettingsStore.GetAsync
        SELECT value::text FROM settings WHERE key = @key
        """;

    /// <summary>The stored value of <paramref name="key"/>, or <paramref name="fallback"/> when it was never set.</summary>
    public async Task<T> GetAsync<T>(string key, T fallback, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(GetSql, new { key }, cancellationToken: cancellationToken));
        if (json is null)
        {
            return fallback;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? fallback;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"setting '{key}' holds JSON that does not fit {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    // Writers of one key take turns, so each version reaches the history exactly once.
    private const string LockSql = """
        -- SettingsStore.SetAsync (serialise writers of the key)
        SELECT pg_advisory_xact_lock(hashtext('settings:' || @key))
        """;

    private const string SetSql = """
        -- SettingsStore.SetAsync
        WITH previous AS (
            INSERT INTO settings_history (key, version, value, updated_at, updated_by)
            SELECT key, version, value, updated_at, updated_by FROM settings WHERE key = @key
            RETURNING version
        )
        INSERT INTO settings (key, value, version, updated_at, updated_by)
        VALUES (@key, @value::jsonb, 1, @now, @actor)
        ON CONFLICT (key) DO UPDATE
            SET value = excluded.value, version = settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        RETURNING version
        """;

    /// <summary>Writes a new version of a setting; returns the version number.</summary>
    public async Task<int> SetAsync<T>(string key, T value, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new InvalidInputException("updated_by", "is required: every settings change records who made it");
        }

        if (!KeyFormat.IsMatch(key))
        {
            throw new InvalidInputException("key", $"'{key}' must start with a letter and use only a-z, 0-9, '.', '_' or '-' (at most 100)");
        }

        var json = JsonSerializer.Serialize(value, Json);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { key }, transaction, cancellationToken: cancellationToken));
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SetSql,
            new { key, value = json, now = timeProvider.GetUtcNow(), actor }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    private const string HistorySql = """
        -- SettingsStore.ListVersionsAsync
        SELECT version, value::text AS value, updated_at, updated_by FROM settings WHERE key = @key
        UNION ALL
        SELECT version, value::text, updated_at, updated_by FROM settings_history WHERE key = @key
        ORDER BY version DESC
        """;

    /// <summary>Every version of a setting, newest first.</summary>
    public async Task<IReadOnlyList<SettingVersion>> ListVersionsAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SettingVersion>(new CommandDefinition(HistorySql, new { key }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
