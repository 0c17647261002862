using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Zaiko.Data.Migrations;

/// <summary>
/// Applies db/migrations/NNNN_*.sql (embedded in this assembly) in order, recording each in
/// public.schema_versions. Several processes may start at once: a PostgreSQL advisory lock makes them
/// take turns, so each script runs exactly once.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const string ResourcePrefix = "Zaiko.Migrations.";

    // Arbitrary but fixed: "zaiko-migrate" as a 64-bit advisory lock key.
    private const long AdvisoryLockKey = 0x7A61696B6F6D6967;

    private const string LockSql = "-- DatabaseMigrator.MigrateAsync\nSELECT pg_advisory_lock(@key)";
    private const string UnlockSql = "-- DatabaseMigrator.MigrateAsync\nSELECT pg_advisory_unlock(@key)";

    public static IReadOnlyList<string> ScriptNames { get; } = typeof(DatabaseMigrator).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(LockSql, lockConnection))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // DbUp is synchronous; it runs on a pool thread so a host's start-up is not blocked.
            return await Task.Run(Upgrade, cancellationToken);
        }
        finally
        {
            await using var command = new NpgsqlCommand(UnlockSql, lockConnection);
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private MigrationResult Upgrade()
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(new PostgresqlConnectionManager(dataSource))
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_versions")
            .LogTo(new DbUpLogger(logger))
            .Build();

        var pending = upgrader.GetScriptsToExecute().Select(script => ShortName(script.Name)).ToArray();
        if (pending.Length == 0)
        {
            logger.LogInformation("Database schema is up to date ({Count} migrations applied)", ScriptNames.Count);
            return new MigrationResult(pending);
        }

        logger.LogInformation("Applying {Count} migrations: {Scripts}", pending.Length, string.Join(", ", pending));
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(
                $"Migration {ShortName(result.ErrorScript?.Name ?? "?")} failed: {result.Error.Message}", result.Error);
        }

        return new MigrationResult(pending);
    }

    private static string ShortName(string resourceName) =>
        resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? resourceName[ResourcePrefix.Length..] : resourceName;
}
