using System.Globalization;
using Dapper;
using Hangfire;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Data.Products;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Settings;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// The whole check pipeline for real: a migrated database, the sandbox as a separate process, and Zaiko
/// (role all: Hangfire server included) pointed at the sandbox with a rate limit that does not bind.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public static readonly MonitoringSettings TestSettings = MonitoringSettings.Default with { EndTimeCheckDelayMinutes = 0 };

    public PostgresDatabase Database { get; } = new();

    public SandboxProcess Sandbox { get; } = new();

    public RunningApp App { get; private set; } = null!;

    public IServiceProvider Services => App.App.Services;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Sandbox.InitializeAsync();
        await new SettingsStore(Database.DataSource, TimeProvider.System).SetAsync(MonitoringSettings.Key, TestSettings, "test", CancellationToken.None);
        App = await RunningApp.StartAsync(Database.ConnectionString, ZaikoRole.All,
            "--Sandbox:Enabled=true",
            $"--Sandbox:BaseUrl={Sandbox.BaseAddress.ToString().TrimEnd('/')}",
            "--Sources:Yahoo:RequestsPerSecond=1000",
            "--Sources:Yahoo:Burst=1000",
            "--Sources:Yahoo:Resilience:MaxRetries=1",
            "--Sources:Yahoo:Resilience:RetryBaseDelayMs=20",
            "--Sources:Yahoo:Resilience:BreakDurationSeconds=1",
            "--Sources:Yahoo:Resilience:AttemptTimeoutSeconds=5",
            "--Hangfire:WorkerCount=8",
            $"--Channels:Ebay:ClientId={Zaiko.Tests.Sandbox.SandboxTest.EbayClientId}",
            $"--Channels:Ebay:ClientSecret={Zaiko.Tests.Sandbox.SandboxTest.EbayClientSecret}",
            $"--Channels:Ebay:RefreshToken={Zaiko.Tests.Sandbox.SandboxTest.EbayRefreshToken}",
            $"--Channels:Amazon:ClientId={Zaiko.Tests.Sandbox.SandboxTest.LwaClientId}",
            $"--Channels:Amazon:ClientSecret={Zaiko.Tests.Sandbox.SandboxTest.LwaClientSecret}",
            $"--Channels:Amazon:RefreshToken={Zaiko.Tests.Sandbox.SandboxTest.LwaRefreshToken}",
            $"--Channels:Amazon:SellerId={Zaiko.Tests.Sandbox.SandboxTest.SellerId}",
            $"--Channels:Mercari:AccessToken={Zaiko.Tests.Sandbox.SandboxTest.MercariToken}",
            "--Channels:Ebay:Resilience:MaxRetries=0",
            "--Channels:Amazon:Resilience:MaxRetries=0",
            "--Channels:Mercari:Resilience:MaxRetries=0");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Empty tables, sandbox and queues; nothing scheduled by an earlier test survives.</summary>
    public async Task ResetAsync()
    {
        var jobs = Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        foreach (var scheduled in monitoring.ScheduledJobs(0, 10_000))
        {
            jobs.Delete(scheduled.Key);
        }

        // Settings stay: the running app caches the monitoring thresholds this fixture stored.
        await Database.ResetAsync(restartIds: false, "settings", "settings_history");
        await Sandbox.ResetAsync();
        await Sandbox.ClearFaultsAsync();
    }

    /// <summary>Creates <paramref name="count"/> open auctions in the sandbox, each monitored by a product with a Mercari listing (JPY).</summary>
    public async Task<IReadOnlyList<SeededOffer>> SeedOffersAsync(int count, int firstNumber = 1_000_000_000)
    {
        var products = Services.GetRequiredService<ProductStore>();
        var inventory = Services.GetRequiredService<InventoryStore>();
        var listings = Services.GetRequiredService<ListingStore>();
        var seeded = new List<SeededOffer>();
        for (var i = 0; i < count; i++)
        {
            var auctionId = "t" + (firstNumber + i).ToString(CultureInfo.InvariantCulture);
            await Sandbox.PutYahooItemAsync(new
            {
                auctionId,
                title = $"テスト商品 {i}",
                price = 1000 + i,
                quantity = 1,
                bids = 1,
                status = "open",
                endTime = DateTimeOffset.UtcNow.AddDays(3),
                seller = "seller",
            });
            var product = await products.CreateAsync(new NewProduct($"SKU-{auctionId}", $"テスト商品 {i}"), "test", CancellationToken.None);
            var offer = await inventory.AddAsync(new NewOffer(product.Id, "yahoo", $"https://auctions.yahoo.co.jp/jp/auction/{auctionId}", auctionId), "test", CancellationToken.None);
            await Sandbox.PutMercariProductAsync(new { id = "m" + auctionId, name = $"テスト商品 {i}", price = 3000, variants = new[] { new { id = "v" + auctionId, skuCode = "SKU-" + auctionId, stock = 1 } } });
            var listing = await listings.AddAsync(new NewListing(product.Id, "mercari", "JPY")
            {
                MercariProductId = "m" + auctionId,
                MercariVariantId = "v" + auctionId,
                ConfirmedQuantity = 1,
                ConfirmedPrice = 3000,
            }, "test", CancellationToken.None);
            seeded.Add(new SeededOffer(auctionId, product.Id, offer.Id, listing.Id));
        }

        return seeded;
    }

    /// <summary>Runs one check cycle through Hangfire and waits until it closes.</summary>
    public async Task<Execution> RunCycleAsync(string processType = "stock-check")
    {
        var executionQueries = Services.GetRequiredService<ExecutionQueries>();
        var before = (await executionQueries.ListRecentAsync(processType, 1, CancellationToken.None)).FirstOrDefault()?.ExecutionId;
        Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CheckFanOutJob>(job => job.RunAsync(processType, CancellationToken.None));
        return await WaitAsync(async () =>
        {
            var latest = (await executionQueries.ListRecentAsync(processType, 1, CancellationToken.None)).FirstOrDefault();
            return latest is not null && latest.ExecutionId != before && latest.Status != "running" ? latest : null;
        }, $"{processType} run to close");
    }

    public Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, int seconds = 120)
        where T : class =>
        Poll.ForAsync(probe, what, TimeSpan.FromSeconds(seconds));

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}

public sealed record SeededOffer(string AuctionId, long ProductId, long OfferId, long ListingId);
