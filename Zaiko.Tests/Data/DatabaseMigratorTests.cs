using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class DatabaseMigratorTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task MigrateAsync_AppliesEveryScript_WhenDatabaseIsEmpty()
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(await Database.CreateEmptyDatabaseAsync());
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);

        var result = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(DatabaseMigrator.ScriptNames.Select(name => name["Zaiko.Migrations.".Length..]), result.AppliedScripts);
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "products", "inventory_management", "stock_history", "listing_platforms", "inventory_execution_logs",
            "inventory_errors", "price_rules", "settings", "fx_rates", "users", "api_tokens", "encrypted_credentials",
            "security_audit_log", "alert_log", "health_check_results", "rate_limit_buckets", "schema_versions",
        }, tables);
        Assert.DoesNotContain("processing_queue", tables);
    }

    [Fact]
    public async Task MigrateAsync_AppliesNothing_WhenRunASecondTime()
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(await Database.CreateEmptyDatabaseAsync());
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(second.AppliedScripts);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(DatabaseMigrator.ScriptNames.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions"));
    }

    [Fact]
    public async Task MigrateAsync_RunsEachScriptOnce_WhenTwoProcessesStartTogether()
    {
        var connectionString = await Database.CreateEmptyDatabaseAsync();
        await using var first = DataServiceCollectionExtensions.CreateDataSource(connectionString);
        await using var second = DataServiceCollectionExtensions.CreateDataSource(connectionString);

        var results = await Task.WhenAll(
            new DatabaseMigrator(first, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None),
            new DatabaseMigrator(second, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None));

        Assert.Equal(DatabaseMigrator.ScriptNames.Count, results.Sum(result => result.AppliedScripts.Count));
    }

    [Fact]
    public async Task MigrateAsync_Throws_WhenDatabaseIsUnreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(unreachable);

        await Assert.ThrowsAsync<NpgsqlException>(() =>
            new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None));
    }
}
