using System.Text.Json;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Cli;

namespace Zaiko.Tests.Web;

/// <summary><c>parse yahoo</c> through the CLI entry point, with its output and messages captured.</summary>
public sealed class ParseCommandTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    [Trait("Category", "Shared")]
    public async Task Parse_PrintsTheObservationAsOneJsonObject_ForASavedPage()
    {
        var exitCode = await RunAsync("parse", "yahoo", SharedFolder.PathOf("fixtures", "yahoo", "nextjs-live-o1202015332-2025.html"));

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Single(output.ToString().TrimEnd().Split('\n'));
        Assert.Equal(("Live", "o1202015332", 200, "2025-10-02T21:39:11+09:00"),
            (json.GetProperty("status").GetString(), json.GetProperty("sourceProductId").GetString(), json.GetProperty("httpStatus").GetInt32(), json.GetProperty("endTime").GetString()));
    }

    [Fact]
    [Trait("Category", "Shared")]
    public async Task Parse_TakesTheAuctionFromTheIdOption_WhenThePageDoesNotNameIt()
    {
        var exitCode = await RunAsync("parse", "yahoo", SharedFolder.PathOf("fixtures", "yahoo", "bem-ended-2021.html"), "--id", "e000000000");

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal(("Ended", 0), (json.GetProperty("status").GetString(), json.GetProperty("quantity").GetInt32()));
    }

    [Fact]
    [Trait("Category", "Shared")]
    public async Task Parse_ExitsTwoAskingForTheId_WhenThePageDoesNotNameItsAuction()
    {
        var exitCode = await RunAsync("parse", "yahoo", SharedFolder.PathOf("fixtures", "yahoo", "bem-ended-2021.html"));

        Assert.Equal(2, exitCode);
        Assert.Contains("pass --id <auction-id>", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Parse_FetchesTheItemThroughTheSandbox_WhenGivenAnAuctionId()
    {
        await Sandbox.PutYahooItemAsync(new { auctionId = "t1000000004", title = "テスト商品", price = 4200, status = "open", endTime = DateTimeOffset.UtcNow.AddDays(2) });

        var exitCode = await RunAsync(["parse", "yahoo", "t1000000004", .. SandboxArgs()]);

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal(("Live", 4200m, "next-data"), (json.GetProperty("status").GetString(), json.GetProperty("price").GetDecimal(), json.GetProperty("layout").GetString()));
        Assert.Single(await RequestsAsync("yahoo", "/jp/auction/t1000000004"));
    }

    [Fact]
    public async Task Parse_ExitsThree_WhenTheFetchedItemIsGone()
    {
        var exitCode = await RunAsync(["parse", "yahoo", "https://auctions.yahoo.co.jp/jp/auction/t1000000005", .. SandboxArgs()]);

        Assert.Equal(3, exitCode);
        Assert.Equal("Gone", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5432/jp/auction/t1000000004")]
    [InlineData("no-such-file.html")]
    public async Task Parse_ExitsTwoSayingWhatIsAccepted_WhenTheArgumentIsNeitherAFileNorAnAuction(string argument)
    {
        var exitCode = await RunAsync("parse", "yahoo", argument);

        Assert.Equal(2, exitCode);
        Assert.Contains("is neither an existing file nor a Yahoo! Auctions item; accepted:", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Parse_ExitsTwo_WhenTheSourceIsNotYahoo()
    {
        var exitCode = await RunAsync("parse", "amazon", "B07PTMKYS7");

        Assert.Equal(2, exitCode);
        Assert.Contains("only yahoo pages can", error.ToString());
    }

    [Theory]
    [InlineData("--id goes with a file only; 't1000000004' already names auction t1000000004", "t1000000004", "--id", "t1000000005")]
    [InlineData("--id: 'abc' is not an auction id", "page.html", "--id", "abc")]
    [InlineData("unexpected argument 'extra'", "page.html", "extra")]
    [InlineData("unexpected argument '--verbose'", "page.html", "--verbose")]
    [InlineData("a file, auction id or item URL is needed")]
    public async Task Parse_ExitsTwoNamingTheProblem_WhenTheArgumentsDoNotFit(string message, params string[] arguments)
    {
        var exitCode = await RunAsync(["parse", "yahoo", .. arguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Parse_ExitsOneSayingTheDatabaseIsNeeded_WhenAFetchCannotReachIt()
    {
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;

        var exitCode = await RunAsync(["parse", "yahoo", "t1000000004", $"--ConnectionStrings:Zaiko={unreachable}",
            "--Sandbox:Enabled=true", $"--Sandbox:BaseUrl={Sandbox.BaseAddress.ToString().TrimEnd('/')}"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("the database (needed for the cluster-wide rate limit) is unreachable", error.ToString());
        Assert.Empty(output.ToString());
    }

    private string[] SandboxArgs() =>
    [
        $"--ConnectionStrings:Zaiko={Database.ConnectionString}",
        "--Sandbox:Enabled=true",
        $"--Sandbox:BaseUrl={Sandbox.BaseAddress.ToString().TrimEnd('/')}",
    ];

    private Task<int> RunAsync(params string[] args) => CliCommands.RunAsync(Invocation.Parse(args), output, error);
}
