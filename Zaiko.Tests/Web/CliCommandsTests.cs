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

        var error = new StringWriter();

        var exitCode = await CliCommands.RunAsync(Invocation.Parse(["migrate", $"--ConnectionStrings:Zaiko={unreachable}"]), TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("zaiko migrate: ", error.ToString());
    }

    [Fact]
    public async Task Migrate_ExitsOneNamingTheSetting_WhenTheConnectionStringIsMalformed()
    {
        var error = new StringWriter();

        var exitCode = await CliCommands.RunAsync(Invocation.Parse(["migrate", "--ConnectionStrings:Zaiko=Host=127.0.0.1;NoSuchKeyword=1"]), TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("zaiko: ConnectionStrings:Zaiko is not a valid PostgreSQL connection string", error.ToString());
    }
}
