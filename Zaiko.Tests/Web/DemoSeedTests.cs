using Dapper;
using Npgsql;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Cli;

namespace Zaiko.Tests.Web;

[Collection(PipelineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DemoSeedTests(PipelineFixture pipeline) : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        await pipeline.ResetAsync();
        // A database of its own: nothing serves its queue, so the jobs demo seed enqueues stay put.
        connectionString = await pipeline.Database.CreateEmptyDatabaseAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DemoSeed_RegistersDemoProductsWithListings_AndAddsNothingTheSecondTime()
    {
        var first = await RunAsync("demo", "seed", "--count", "5");
        var second = await RunAsync("demo", "seed", "--count", "5");

        Assert.Equal((0, 0), (first, second));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM products WHERE title LIKE '[デモ] %' AND notes LIKE 'デモデータ%'"));
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inventory_management WHERE source_platform = 'yahoo'"));
        Assert.Equal(10, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM listing_platforms WHERE platform IN ('ebay', 'mercari')"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%CheckFanOutJob%'"));
    }

    [Fact]
    public async Task DemoSeed_ExitsOne_WithoutTheSandbox()
    {
        var exit = await CliCommands.RunAsync(Invocation.Parse(["demo", "seed", $"--ConnectionStrings:Zaiko={connectionString}", "--Sandbox:Enabled=false"]));

        Assert.Equal(1, exit);
    }

    [Theory]
    [InlineData("plant")]
    [InlineData("seed", "--count", "0")]
    [InlineData("seed", "--count", "many")]
    public async Task DemoSeed_ExitsTwo_OnBadUsage(params string[] args)
    {
        var exit = await RunAsync(["demo", .. args]);

        Assert.Equal(2, exit);
    }

    private Task<int> RunAsync(params string[] args) => CliCommands.RunAsync(Invocation.Parse(
    [
        .. args,
        $"--ConnectionStrings:Zaiko={connectionString}",
        "--Sandbox:Enabled=true",
        $"--Sandbox:BaseUrl={pipeline.Sandbox.BaseAddress.ToString().TrimEnd('/')}",
    ]));
}
