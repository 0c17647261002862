using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;
using Zaiko.Jobs;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Jobs.Outbound;

/// <summary>
/// The cluster-wide rate limit across processes: two real worker processes with ten Hangfire workers each hammer one
/// source, and the sandbox's journal shows the whole cluster stayed within rate × time + burst.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterRateLimitScaleOutTests(PostgresDatabase database, SandboxProcess sandbox, ITestOutputHelper log) : IAsyncLifetime
{
    private const double RequestsPerSecond = 5;
    private const double Burst = 2;
    private const int Offers = 10;
    private const int Checks = 1000;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(30);
    private static readonly string[] UserAgents = ["ZaikoWorkerA/1.0", "ZaikoWorkerB/1.0"];

    private readonly string logDirectory = Directory.CreateTempSubdirectory("zaiko-scaleout-").FullName;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await sandbox.ResetAsync();
        await sandbox.ClearFaultsAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(logDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TwoWorkerProcesses_StayWithinRateTimesTimePlusBurst_WhenHammeringOneSource()
    {
        var offerIds = await SeedOffersAsync();
        EnqueueChecks(offerIds);
        await sandbox.ClearJournalAsync();
        var started = Stopwatch.StartNew();
        var workers = UserAgents.Select(StartWorker).ToArray();
        try
        {
            await WaitForFirstPageRequestAsync(workers);
            await Task.Delay(RunFor);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        var elapsed = started.Elapsed;
        var pages = await sandbox.JournalAsync("yahoo");
        var byWorker = UserAgents.Select(agent => pages.Count(p => p.GetProperty("userAgent").GetString() == agent)).ToArray();
        var busy = pages[^1].GetProperty("time").GetDateTimeOffset() - pages[0].GetProperty("time").GetDateTimeOffset();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages.Count} page requests in {elapsed.TotalSeconds:0.0} s (allowed {RequestsPerSecond * elapsed.TotalSeconds + Burst:0}); " +
            $"{pages.Count / busy.TotalSeconds:0.00}/s between first and last over {busy.TotalSeconds:0.0} s; by worker {string.Join(" + ", byWorker)}"));
        Assert.InRange(pages.Count, 1, RequestsPerSecond * elapsed.TotalSeconds + Burst);
        Assert.All(byWorker, count => Assert.True(count > 0, $"a worker sent no request: {string.Join(" + ", byWorker)}"));
    }

    private WorkerProcess StartWorker(string userAgent) => WorkerProcess.Start(logDirectory,
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:Zaiko={database.ConnectionString}",
        "--Sandbox:Enabled=true",
        $"--Sandbox:BaseUrl={sandbox.BaseAddress.ToString().TrimEnd('/')}",
        $"--Sources:Yahoo:RequestsPerSecond={RequestsPerSecond.ToString(CultureInfo.InvariantCulture)}",
        $"--Sources:Yahoo:Burst={Burst.ToString(CultureInfo.InvariantCulture)}",
        "--Hangfire:WorkerCount=10",
        $"--Hangfire:ServerName={userAgent}",
        $"--Outbound:UserAgent={userAgent}");

    private async Task<IReadOnlyList<long>> SeedOffersAsync()
    {
        var products = new ProductStore(database.DataSource, TimeProvider.System);
        var inventory = new InventoryStore(database.DataSource, TimeProvider.System);
        var ids = new List<long>();
        for (var i = 0; i < Offers; i++)
        {
            var auctionId = "t" + (1_100_000_000 + i).ToString(CultureInfo.InvariantCulture);
            await sandbox.PutYahooItemAsync(new { auctionId, title = $"テスト商品 {i}", price = 1000 + i, status = "open", endTime = DateTimeOffset.UtcNow.AddDays(3) });
            var product = await products.CreateAsync(new NewProduct($"SKU-{auctionId}", $"テスト商品 {i}"), "test", CancellationToken.None);
            var offer = await inventory.AddAsync(new NewOffer(product.Id, "yahoo", $"https://auctions.yahoo.co.jp/jp/auction/{auctionId}", auctionId), "test", CancellationToken.None);
            ids.Add(offer.Id);
        }

        return ids;
    }

    /// <summary>On-demand checks, as an admin's "check now" enqueues them, through Hangfire's public client.</summary>
    private void EnqueueChecks(IReadOnlyList<long> offerIds)
    {
        // Hangfire's log provider is process-wide; a Zaiko.Web host of an earlier test may have left it on a disposed logger factory.
        LogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(NullLoggerFactory.Instance));
        var options = HangfireExtensions.CreateStorageOptions(new JobServerOptions());
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        var client = new BackgroundJobClient(storage);
        for (var i = 0; i < Checks; i++)
        {
            var offerId = offerIds[i % offerIds.Count];
            client.Create<ProductCheckJob>(job => job.RunAsync(offerId, null, "on-demand", "scale-out", CancellationToken.None), new EnqueuedState(JobQueues.Checks));
        }
    }

    private async Task WaitForFirstPageRequestAsync(WorkerProcess[] workers)
    {
        var deadline = Stopwatch.StartNew();
        while ((await sandbox.JournalAsync("yahoo")).Count == 0)
        {
            if (workers.FirstOrDefault(w => w.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"a worker exited before checking anything:\n{exited.Output()}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no page request within 60 s; worker output:\n{workers[0].Output()}");
            }

            await Task.Delay(100);
        }
    }
}
