using Microsoft.Playwright;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

/// <summary>The staff dashboard in a real browser, served by the real app on a database of its own.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DashboardBrowserTests(PostgresDatabase database) : IAsyncLifetime
{
    private BrowserSession browser = null!;

    public async Task InitializeAsync() => browser = await BrowserSession.LaunchAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    [Fact]
    public async Task Dashboard_ShowsTheCountsAndTheLatestRun_InJapanese()
    {
        await using var app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web);
        await SeedAsync(app);
        var page = await ConsoleAccounts.SignedInPageAsync(browser, app, UserRoles.Staff);

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("ダッシュボード - Zaiko 在庫同期", await page.TitleAsync());
        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("3", await CardValueAsync(page, "登録商品"));
        Assert.Equal("2", await CardValueAsync(page, "監視中 (ヤフオク)"));
        Assert.Equal("1", await CardValueAsync(page, "監視中 (Amazon)"));
        Assert.Equal("1", await CardValueAsync(page, "未解決エラー (重大・高)"));
        var cells = await page.Locator("table tbody tr").First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["在庫チェック", "一部失敗"], cells.Take(2));
        Assert.Equal(["2 / 3", "1", "1"], cells.Skip(4));
        Assert.Equal(0, await page.Locator(".demo-banner").CountAsync());
    }

    [Fact]
    public async Task Dashboard_SaysSoPlainly_WhenItShowsDemoData()
    {
        await using var app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web,
            "--Sandbox:Enabled=true", "--Sandbox:BaseUrl=http://127.0.0.1:5090");
        var page = await ConsoleAccounts.SignedInPageAsync(browser, app, UserRoles.Staff);

        await page.GotoAsync("/");

        var banner = page.GetByRole(AriaRole.Status);
        Assert.True(await banner.IsVisibleAsync());
        Assert.StartsWith("デモモード: ", await banner.InnerTextAsync());
        Assert.Equal("まだ実行記録はありません。", await page.Locator("main p").InnerTextAsync());
    }

    [Fact]
    public async Task HeaderLink_OpensTheJobDashboard_ForAnAdmin()
    {
        await using var app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web);
        var page = await ConsoleAccounts.SignedInPageAsync(browser, app, UserRoles.Admin);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "ジョブ (Hangfire)" }).ClickAsync();

        await page.WaitForURLAsync("**/hangfire");
        Assert.EndsWith("Zaiko ジョブ", await page.TitleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs", Exact = false }).First.IsVisibleAsync());
    }

    private static async Task<string> CardValueAsync(IPage page, string label) =>
        (await page.Locator(".card", new() { HasText = label }).Locator(".value").InnerTextAsync()).Trim();

    /// <summary>Three products (two Yahoo! offers, one Amazon), one unresolved high error, one partial stock check.</summary>
    private static async Task SeedAsync(RunningApp app)
    {
        var products = app.App.Services.GetRequiredService<ProductStore>();
        var inventory = app.App.Services.GetRequiredService<InventoryStore>();
        foreach (var (platform, id) in new[] { ("yahoo", "t1000000001"), ("yahoo", "t1000000002"), ("amazon", "B000000001") })
        {
            var product = await products.CreateAsync(new NewProduct("SKU-" + id, "商品 " + id), "test", CancellationToken.None);
            var url = platform == "yahoo" ? "https://auctions.yahoo.co.jp/jp/auction/" + id : "https://www.amazon.co.jp/dp/" + id;
            await inventory.AddAsync(new NewOffer(product.Id, platform, url, id), "test", CancellationToken.None);
        }

        await app.App.Services.GetRequiredService<ErrorStore>().RecordAsync(new NewError(ErrorTypes.Blocked, Severities.High, "bot wall"), CancellationToken.None);
        var executions = app.App.Services.GetRequiredService<ExecutionStore>();
        var run = await executions.TryStartAsync(ProcessTypes.StockCheck, "test", "test", CancellationToken.None);
        await executions.CompleteFanOutAsync(run.ExecutionId, 3, null, CancellationToken.None);
        await executions.RecordProgressAsync(run.ExecutionId, processed: 2, updated: 1, errors: 1, CancellationToken.None);
        await executions.FinishAsync(run.ExecutionId, ExecutionStatuses.Partial, null, CancellationToken.None);
    }
}
