using Dapper;
using Npgsql;
using Zaiko.Data;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

/// <summary>Hangfire's own connections carry Zaiko's connection settings, and say whose they are.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HangfireConnectionTests(PostgresDatabase database)
{
    [Fact]
    public void HangfireConnectionString_PreparesStatements_AndSkipsTheSessionReset()
    {
        var settings = new NpgsqlConnectionStringBuilder(HangfireExtensions.HangfireConnectionString(database.ConnectionString));

        Assert.Equal(
            (DataServiceCollectionExtensions.AutoPreparedStatements, 2, true, "zaiko-hangfire"),
            (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose, settings.ApplicationName));
    }

    [Fact]
    public void HangfireConnectionString_KeepsWhatTheConnectionStringSets()
    {
        var settings = new NpgsqlConnectionStringBuilder(HangfireExtensions.HangfireConnectionString(
            $"{database.ConnectionString};Max Auto Prepare=0;No Reset On Close=false;Application Name=shop-7"));

        Assert.Equal((0, false, "shop-7"), (settings.MaxAutoPrepare, settings.NoResetOnClose, settings.ApplicationName));
    }

    [Fact]
    public void HangfireConnectionString_NamesTheSetting_WhenTheConnectionStringIsMalformed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HangfireExtensions.HangfireConnectionString("Host=x;Port=notanumber"));

        Assert.Contains("ConnectionStrings:Zaiko", error.Message);
    }

    [Fact]
    public async Task WorkersPollingTheQueues_UseHangfiresTunedConnections()
    {
        await using var worker = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:ServerName=conn-a");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var databaseName = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long hangfireSessions;
        do
        {
            await Task.Delay(100);
            hangfireSessions = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = @databaseName AND application_name = 'zaiko-hangfire'", new { databaseName });
        }
        while (hangfireSessions == 0 && DateTime.UtcNow < deadline);

        Assert.True(hangfireSessions > 0, "Hangfire's workers hold connections named zaiko-hangfire");
    }
}
