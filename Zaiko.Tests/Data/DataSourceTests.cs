using Dapper;
using Npgsql;
using Zaiko.Data;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class DataSourceTests(PostgresDatabase database) : DatabaseTest(database)
{
    private const string Probe = "-- data source probe\nSELECT count(*) FROM products WHERE id > @id";

    [Fact]
    public async Task CreateDataSource_PreparesRepeatedStatements_OnTheServer()
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(Database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        await connection.ExecuteScalarAsync<long>(Probe, new { id = 0L });
        await connection.ExecuteScalarAsync<long>(Probe, new { id = 0L });

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(DataServiceCollectionExtensions.AutoPreparedStatements, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(1, await PreparedProbesAsync(connection));
    }

    [Fact]
    public async Task CreateDataSource_KeepsPreparedStatements_WhenAConnectionGoesBackToThePool()
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            await first.ExecuteScalarAsync<long>(Probe, new { id = 0L });
            await first.ExecuteScalarAsync<long>(Probe, new { id = 0L });
        }

        await using var again = await dataSource.OpenConnectionAsync();

        Assert.Equal(1, await PreparedProbesAsync(again));
    }

    [Fact]
    public void CreateDataSource_ResetsPooledConnections_WhenTheConnectionStringAsks()
    {
        using var dataSource = DataServiceCollectionExtensions.CreateDataSource($"{Database.ConnectionString};No Reset On Close=false");

        Assert.False(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).NoResetOnClose);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("MaxAutoPrepare=0")]
    public async Task CreateDataSource_KeepsTheConnectionStringsChoice_WhenItSetsAutoPrepare(string setting)
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource($"{Database.ConnectionString};{setting}");
        await using var connection = await dataSource.OpenConnectionAsync();

        await connection.ExecuteScalarAsync<long>(Probe, new { id = 0L });
        await connection.ExecuteScalarAsync<long>(Probe, new { id = 0L });

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
        Assert.Equal(0, await PreparedProbesAsync(connection));
    }

    private static Task<long> PreparedProbesAsync(NpgsqlConnection connection) =>
        connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '-- data source probe%'");
}
