using Dapper;
using Npgsql;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Cli;

namespace Zaiko.Tests.Web;

[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CliCommandsTests(PostgresDatabase database)
{
    [Fact]
    public async Task Migrate_MigratesTheNamedDatabase_AndExitsZero()
    {
        var empty = await database.CreateEmptyDatabaseAsync();

        var exitCode = await CliCommands.RunAsync(Invocation.Parse(["migrate", $"--ConnectionStrings:Zaiko={empty}"]));

        Assert.Equal(0, exitCode);
        await using var connection = new NpgsqlConnection(empty);
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions") >= 1);
    }

    [Fact]
    public async Task Migrate_ExitsOne_WhenTheDatabaseIsUnreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;

        var exitCode = await CliCommands.RunAsync(Invocation.Parse(["migrate", $"--ConnectionStrings:Zaiko={unreachable}"]));

        Assert.Equal(1, exitCode);
    }
}
