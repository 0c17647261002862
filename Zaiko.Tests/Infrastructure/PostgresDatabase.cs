using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// A real, freshly migrated PostgreSQL database for one test collection, created on the cluster named by
/// ZAIKO_TEST_PG (scripts/test.sh sets it) and dropped afterwards. Without ZAIKO_TEST_PG the collection
/// fails: an integration test never skips itself into a green run.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "ZAIKO_TEST_PG";

    private readonly string name = "t_" + Guid.NewGuid().ToString("N")[..12];
    private NpgsqlDataSource? dataSource;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("database not initialised");

    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Integration tests need a real PostgreSQL: run scripts/test.sh, " +
                $"or set {EnvironmentVariable} to an Npgsql connection string of a database the test user may create databases beside.");
        }

        return value;
    }

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString());
        var baseName = server.Database ?? "zaiko_test";
        var databaseName = $"{baseName}_{name}";
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = databaseName }.ConnectionString;
        dataSource = DataServiceCollectionExtensions.CreateDataSource(ConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    /// <summary>
    /// Empties every Zaiko table (the schema and migration journal stay), except <paramref name="keep"/>. Ids
    /// restart unless <paramref name="restartIds"/> is false — tests with running Hangfire servers keep ids
    /// unique, so a job left over from an earlier test can never act on a later test's rows.
    /// </summary>
    public async Task ResetAsync(bool restartIds = true, params string[] keep)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>("""
            SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_versions'
              AND c.relname <> ALL(@keep)
            """, new { keep });
        await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)} {(restartIds ? "RESTART IDENTITY" : "")} CASCADE");
    }

    /// <summary>Creates another empty database on the same cluster, for tests of migrations themselves.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString());
        var databaseName = $"{server.Database}_{name}_e{Guid.NewGuid().ToString("N")[..6]}";
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = databaseName }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (dataSource is null)
        {
            return;
        }

        await dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString());
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.OpenAsync();
        var databases = await admin.QueryAsync<string>("SELECT datname FROM pg_database WHERE datname LIKE @pattern",
            new { pattern = $"{server.Database}_{name}%" });
        foreach (var database in databases)
        {
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }
}
