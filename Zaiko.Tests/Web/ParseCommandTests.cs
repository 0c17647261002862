using System.Text.Json;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Jobs.Sources.Yahoo;
using Zaiko.Web.Cli;

namespace Zaiko.Tests.Web;

/// <summary><c>parse yahoo</c> through the CLI entry point, with its output and messages captured.</summary>
public sealed class ParseCommandTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox), IDisposable
{
    private readonly string pageFolder = Path.Combine(Path.GetTempPath(), "zaiko-parse-" + Guid.NewGuid().ToString("N")[..12]);
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
    public async Task Parse_TakesTheAuctionFromTheAuctionIdRow_WhenTheLegacyPageNamesItNowhereElse()
    {
        var exitCode = await RunAsync("parse", "yahoo", SharedFolder.PathOf("fixtures", "yahoo", "bem-ended-2021.html"));

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal(("Ended", "e000000000"), (json.GetProperty("status").GetString(), json.GetProperty("sourceProductId").GetString()));
    }

    [Fact]
    public async Task Parse_TakesTheAuctionFromPageData_WhenThePageHasNoCanonicalUrlOrQueryAid()
    {
        var exitCode = await RunAsync("parse", "yahoo", SavePage(YahooPages.PageData(YahooPages.PageDataItems)));

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal(("Live", YahooPages.AuctionId), (json.GetProperty("status").GetString(), json.GetProperty("sourceProductId").GetString()));
    }

    [Fact]
    public async Task Parse_TakesTheAuctionFromTheNextDataItem_WhenThePageHasNoCanonicalUrlOrQueryAid()
    {
        var exitCode = await RunAsync("parse", "yahoo", SavePage(YahooPages.NextData(YahooPages.Item(), aid: null)));

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal(YahooPages.AuctionId, json.GetProperty("sourceProductId").GetString());
    }

    [Fact]
    public async Task Parse_ExitsTwoAskingForTheId_WhenThePageDoesNotNameItsAuction()
    {
        var item = YahooPages.Item();
        item.Remove("auctionId");

        var exitCode = await RunAsync("parse", "yahoo", SavePage(YahooPages.NextData(item, aid: null)));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not say which auction it shows", error.ToString());
        Assert.Contains("pass --id <auction-id>", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Theory]
    [MemberData(nameof(PagesNamingTwoAuctions))]
    public async Task Parse_ExitsOneNamingWhereTheIdsDiffer_WhenThePageNamesDifferentAuctions(string html, string first, string second)
    {
        var exitCode = await RunAsync("parse", "yahoo", SavePage(html));

        Assert.Equal(1, exitCode);
        Assert.Contains("the page names different auctions", error.ToString());
        Assert.Contains(first, error.ToString());
        Assert.Contains(second, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Parse_ReportsLayoutChanged_WhenTheIdOptionNamesOneOfTheAuctionsOfAContradictoryPage()
    {
        var html = YahooPages.NextData(YahooPages.Item(), extraHead: """<link rel="canonical" href="https://auctions.yahoo.co.jp/jp/auction/x987654321"/>""");

        var exitCode = await RunAsync("parse", "yahoo", SavePage(html), "--id", YahooPages.AuctionId);

        Assert.Equal(3, exitCode);
        Assert.Equal("LayoutChanged", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("status").GetString());
    }

    public static TheoryData<string, string, string> PagesNamingTwoAuctions()
    {
        const string Other = "x987654321";
        var otherItem = YahooPages.Item();
        otherItem["auctionId"] = Other;
        var pageDataForOther = $"<script>var pageData = {{\"items\":{YahooPages.PageDataItems.Replace(YahooPages.AuctionId, Other, StringComparison.Ordinal)}}};</script>";
        return new()
        {
            {
                YahooPages.NextData(YahooPages.Item(), aid: null, extraHead: $"""<link rel="canonical" href="https://auctions.yahoo.co.jp/jp/auction/{Other}"/>"""),
                $"canonical URL {Other}", $"__NEXT_DATA__ props.pageProps item.auctionId {YahooPages.AuctionId}"
            },
            { YahooPages.NextData(YahooPages.Item(), aid: Other), $"__NEXT_DATA__ query.aid {Other}", $"item.auctionId {YahooPages.AuctionId}" },
            {
                YahooPages.NextData(YahooPages.Item(), otherItem, aid: null),
                $"__NEXT_DATA__ props.pageProps item.auctionId {YahooPages.AuctionId}", $"__NEXT_DATA__ props item.auctionId {Other}"
            },
            { YahooPages.Legacy(pageDataScript: pageDataForOther), $"pageData.items.productID {Other}", $"オークションID row {YahooPages.AuctionId}" },
        };
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

    /// <summary>Writes <paramref name="html"/> as a saved page in this test's own folder.</summary>
    private string SavePage(string html)
    {
        Directory.CreateDirectory(pageFolder);
        var path = Path.Combine(pageFolder, "page.html");
        File.WriteAllText(path, html);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(pageFolder))
        {
            Directory.Delete(pageFolder, recursive: true);
        }
    }
}
