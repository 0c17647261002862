using Dapper;
using Hangfire;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Scheduling;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Jobs.Checks;

/// <summary>
/// What a fan-out tells staff besides enqueueing: a schedule its rate limits cannot meet, offers no connector can
/// check, and its own failure. Each test has a database of its own and an app without a Hangfire server, so the
/// checks it enqueues stay queued.
/// </summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CheckFanOutReportTests(PostgresDatabase database)
{
    [Fact]
    public async Task FanOut_WarnsThatTheScheduleCannotBeMet_WhenTheRunOutlastsTheTimeToTheNextOne()
    {
        await using var app = await StartAsync("--Sources:Yahoo:RequestsPerSecond=1");
        await SeedAsync(app, SourcePlatforms.Yahoo, 150);
        app.App.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<CheckFanOutJob>(ProcessTypes.StockCheck,
            job => job.RunAsync(ProcessTypes.StockCheck, CancellationToken.None), "* * * * *", new RecurringJobOptions { TimeZone = JstTime.Tokyo });

        var run = await FanOutAsync(app);

        var error = Assert.Single(await ErrorsAsync(app, run), e => e.ErrorType == ErrorTypes.ScheduleOverrun);
        Assert.Equal((Severities.Medium, "system"), (error.Severity, error.Platform));
        Assert.StartsWith("stock-check needs about 0.0 h at the configured rate limits (", error.Message);
        Assert.Contains("the schedule cannot be met", error.Message);
        Assert.Equal(150, run.TotalCount);
    }

    [Fact]
    public async Task FanOut_RaisesNoOverrunWarning_WhenTheRunEndsBeforeTheNextOne()
    {
        await using var app = await StartAsync("--Sources:Yahoo:RequestsPerSecond=1");
        await SeedAsync(app, SourcePlatforms.Yahoo, 5);

        var run = await FanOutAsync(app);

        Assert.DoesNotContain(await ErrorsAsync(app, run), e => e.ErrorType == ErrorTypes.ScheduleOverrun);
        Assert.Equal(5, run.TotalCount);
    }

    [Fact]
    public async Task FanOut_ReportsOffersNoConnectorCanCheck_WhenAmazonHasNoCredentials()
    {
        await using var app = await StartAsync();
        await SeedAsync(app, SourcePlatforms.Yahoo, 2);
        await SeedAsync(app, SourcePlatforms.Amazon, 3);

        var run = await FanOutAsync(app);

        var error = Assert.Single(await ErrorsAsync(app, run), e => e.ErrorType == ErrorTypes.ApiError);
        Assert.Equal((Severities.High, "amazon"), (error.Severity, error.Platform));
        Assert.Equal("3 monitored amazon offers were not checked: no amazon connector is configured (credentials missing)", error.Message);
        Assert.Equal(2, run.TotalCount);
    }

    [Fact]
    public async Task FanOut_ClosesItsExecutionAsFailed_WithTheReason_WhenItCannotFinish()
    {
        await using var app = await StartAsync();
        await SeedAsync(app, SourcePlatforms.Yahoo, 2);
        await using var blocker = await app.App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var lockHolder = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("LOCK TABLE inventory_management IN ACCESS EXCLUSIVE MODE", transaction: lockHolder);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        using (var scope = app.App.Services.CreateScope())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                scope.ServiceProvider.GetRequiredService<CheckFanOutJob>().RunAsync(ProcessTypes.StockCheck, cancellation.Token));
        }

        await lockHolder.RollbackAsync();
        var run = Assert.Single(await app.App.Services.GetRequiredService<ExecutionQueries>().ListRecentAsync(ProcessTypes.StockCheck, 5, CancellationToken.None));
        Assert.Equal(ExecutionStatuses.Failed, run.Status);
        Assert.NotNull(run.EndedAt);
        Assert.Contains("stock-check was cancelled before it finished", run.Details);
    }

    private async Task<RunningApp> StartAsync(params string[] args) =>
        await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web, args);

    private static async Task SeedAsync(RunningApp app, string platform, int count)
    {
        var products = app.App.Services.GetRequiredService<ProductStore>();
        var inventory = app.App.Services.GetRequiredService<InventoryStore>();
        for (var i = 0; i < count; i++)
        {
            var id = platform == SourcePlatforms.Yahoo ? $"t{1_000_000_000 + i}" : $"B0{i:D8}";
            var url = platform == SourcePlatforms.Yahoo ? $"https://auctions.yahoo.co.jp/jp/auction/{id}" : $"https://www.amazon.co.jp/dp/{id}";
            var product = await products.CreateAsync(new NewProduct($"SKU-{id}", $"商品 {id}"), "test", CancellationToken.None);
            await inventory.AddAsync(new NewOffer(product.Id, platform, url, id), "test", CancellationToken.None);
        }
    }

    private static async Task<Execution> FanOutAsync(RunningApp app)
    {
        using (var scope = app.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckFanOutJob>().RunAsync(ProcessTypes.StockCheck, CancellationToken.None);
        }

        return Assert.Single(await app.App.Services.GetRequiredService<ExecutionQueries>().ListRecentAsync(ProcessTypes.StockCheck, 5, CancellationToken.None));
    }

    private static async Task<IReadOnlyList<InventoryError>> ErrorsAsync(RunningApp app, Execution run) =>
        await app.App.Services.GetRequiredService<ErrorQueries>().ListForExecutionAsync(run.ExecutionId, CancellationToken.None);
}
