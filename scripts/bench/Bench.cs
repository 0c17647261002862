#:project ../../Zaiko.Web/Zaiko.Web.csproj
#:property TreatWarningsAsErrors=true
#:property Nullable=enable
#:property PublishAot=false

// One benchmark run (scripts/bench.sh runs it and takes medians): a fresh database, the sandbox and the app
// (role all) as separate processes, N monitored offers, one full stock-check cycle with ~2 % of the sources
// changed, compared with the same number of empty Hangfire jobs through the same server and with the same
// check code run in a plain loop. Prints key=value lines.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Transactions;
using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Migrations;
using Zaiko.Jobs;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Sources;
using Zaiko.Web.Hosting;

var options = BenchOptions.Parse(args);
var bench = new BenchRun(options);
try
{
    await bench.RunAsync();
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"bench: failed: {ex}");
    return 1;
}
finally
{
    await bench.DisposeAsync();
}

sealed record BenchOptions(int Products, int LatencyMs, string ConnectionString, string AppDll, string SandboxDll, string LogDir)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }

        return new BenchOptions(int.Parse(Value("--products", "10000"), CultureInfo.InvariantCulture), int.Parse(Value("--latency-ms", "0"), CultureInfo.InvariantCulture),
            Value("--connection"), Value("--app"), Value("--sandbox"), Value("--log-dir"));
    }
}

sealed class BenchRun(BenchOptions options) : IAsyncDisposable
{
    private const int WorkerCount = 10;
    private readonly List<Process> processes = [];
    private NpgsqlDataSource? dataSource;

    private NpgsqlDataSource Db => dataSource!;

    public async Task RunAsync()
    {
        dataSource = DataServiceCollectionExtensions.CreateDataSource(options.ConnectionString);
        await new DatabaseMigrator(Db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var sandbox = await StartSandboxAsync();
        var offers = await SeedAsync(sandbox);
        var services = BuildInProcessServices(sandbox);
        var raw = await RawLoopAsync(services, offers);

        var app = StartApp(sandbox);
        await WaitForAsync(new Uri(app.BaseUrl, "health"));
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(HangfireExtensions.HangfireConnectionString(options.ConnectionString), HangfireExtensions.CreateStorageOptions(new JobServerOptions())),
            HangfireExtensions.CreateStorageOptions(new JobServerOptions()));
        // The same client configuration as the app's (which does not capture cultures).
        GlobalJobFilters.Filters.Remove(typeof(CaptureCultureAttribute));
        var client = new BackgroundJobClient(storage);
        var noop = await NoopJobsAsync(storage, client);

        await ChangeSourcesAsync(sandbox, offers);
        var rss = new RssSampler(app.Process.Id);
        client.Enqueue<CheckFanOutJob>(job => job.RunAsync(ProcessTypes.StockCheck, CancellationToken.None));
        var run = await WaitForRunAsync();
        await WaitForPushesAsync();
        var peakRss = await rss.StopAsync();

        var cycleSeconds = (run.Ended - run.Started).TotalSeconds;
        var checksPerSecond = options.Products / cycleSeconds;
        var pending = await PercentilesAsync("""
            SELECT extract(epoch FROM l.desired_updated_at - i.last_checked_at) * 1000
            FROM listing_platforms l JOIN inventory_management i ON i.product_id = l.product_id
            WHERE l.desired_updated_at >= @started AND i.last_execution_id = @id
            """, run);
        var push = await PercentilesAsync("""
            SELECT extract(epoch FROM l.last_synced_at - i.last_checked_at) * 1000
            FROM listing_platforms l JOIN inventory_management i ON i.product_id = l.product_id
            WHERE i.last_execution_id = @id AND i.current_stock = 0 AND l.confirmed_quantity = 0 AND l.last_synced_at >= @started
            """, run);
        Print("products", options.Products);
        Print("latency_ms", options.LatencyMs);
        Print("cycle_seconds", cycleSeconds);
        Print("checks_per_s", checksPerSecond);
        Print("noop_jobs_per_s", noop);
        Print("framework_ratio", checksPerSecond / noop);
        Print("raw_loop_checks_per_s", raw);
        Print("enqueue_per_s", options.Products / (run.FanOutCompleted - run.Started).TotalSeconds);
        Print("changed_items", run.Updated);
        Print("detect_to_pending_p50_ms", pending.P50);
        Print("detect_to_pending_p95_ms", pending.P95);
        Print("detect_to_push_p50_ms", push.P50);
        Print("detect_to_push_p95_ms", push.P95);
        Print("worker_rss_mb", peakRss / 1024.0 / 1024.0);
        Console.WriteLine("bench: ok");
    }

    private async Task<Uri> StartSandboxAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        Start("dotnet", [options.SandboxDll, "--urls", url.ToString().TrimEnd('/'), "--rate-scale", "1000", "--journal-capacity", "1000"], [], "sandbox");
        await WaitForAsync(new Uri(url, "_sandbox/status"));
        if (options.LatencyMs > 0)
        {
            await SendAsync(url, HttpMethod.Put, "_sandbox/faults", new { target = "all", latencyMs = new { p50 = options.LatencyMs, p95 = options.LatencyMs } });
        }

        return url;
    }

    /// <summary>
    /// Sandbox items and matching offers (with the state a previous check would have stored, so the measured cycle
    /// sees only the changes made for it) and one eBay listing per product, bulk-loaded.
    /// </summary>
    private async Task<IReadOnlyList<(string AuctionId, long OfferId)>> SeedAsync(Uri sandbox)
    {
        await SendAsync(sandbox, HttpMethod.Post, "_sandbox/seed", new { yahoo = options.Products, ebay = options.Products, seed = 7 });
        var items = await CatalogAsync(sandbox, "yahoo");
        var ebay = await CatalogAsync(sandbox, "ebay");
        await using var connection = await Db.OpenConnectionAsync();
        await using (var import = await connection.BeginTextImportAsync("COPY products (sku, title) FROM STDIN (FORMAT csv)"))
        {
            foreach (var item in items)
            {
                await import.WriteLineAsync($"YA-{item.GetProperty("auctionId").GetString()},\"{item.GetProperty("title").GetString()!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }
        }

        await using (var import = await connection.BeginTextImportAsync("""
            COPY inventory_management (product_id, source_platform, source_url, source_product_id, title, title_hash, current_stock,
                current_price, source_end_time, url_status, layout_status, last_checked_at, last_verified_at, end_check_job_id) FROM STDIN (FORMAT csv)
            """))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var id = item.GetProperty("auctionId").GetString();
                var title = item.GetProperty("title").GetString()!;
                var end = item.GetProperty("endTime").GetDateTimeOffset().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
                await import.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1},yahoo,https://auctions.yahoo.co.jp/jp/auction/{id},{id},\"{title.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{TitleHash.Compute(title)},{item.GetProperty("quantity").GetInt32()},{item.GetProperty("price").GetInt64()},{end},active,next-data,{end},{end},seeded"));
            }
        }

        await using (var import = await connection.BeginTextImportAsync("""
            COPY listing_platforms (product_id, platform, ebay_sku, ebay_offer_id, currency, confirmed_quantity, confirmed_price) FROM STDIN (FORMAT csv)
            """))
        {
            for (var i = 0; i < ebay.Count; i++)
            {
                var offer = ebay[i];
                await import.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1},ebay,{offer.GetProperty("sku").GetString()},{offer.GetProperty("offerId").GetString()},{offer.GetProperty("currency").GetString()},{offer.GetProperty("availableQuantity").GetInt32()},{offer.GetProperty("price").GetDecimal()}"));
            }
        }

        await using var fresh = await Db.OpenConnectionAsync();
        await fresh.ExecuteAsync("ANALYZE products, inventory_management, listing_platforms");
        return (await fresh.QueryAsync<(string, long)>("SELECT source_product_id, id FROM inventory_management ORDER BY id")).AsList();
    }

    /// <summary>
    /// The same fetch, parse and update code without Hangfire, at the worker count's concurrency: an untimed warm-up
    /// on the last offers, then a timed sample from the first.
    /// </summary>
    private static async Task<double> RawLoopAsync(ServiceProvider services, IReadOnlyList<(string AuctionId, long OfferId)> offers)
    {
        await CheckEachAsync(services, offers.TakeLast(Math.Min(300, offers.Count / 10)).Select(o => o.OfferId).ToArray());
        var sample = offers.Take(Math.Min(offers.Count, 3000)).Select(o => o.OfferId).ToArray();
        var stopwatch = Stopwatch.StartNew();
        await CheckEachAsync(services, sample);
        return sample.Length / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task CheckEachAsync(ServiceProvider services, long[] offerIds)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, WorkerCount).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < offerIds.Length)
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OfferChecker>()
                    .CheckAsync([offerIds[index]], new CheckContext(null, "on-demand"), CancellationToken.None);
            }
        }));
    }

    private ServiceProvider BuildInProcessServices(Uri sandbox)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppSettings(sandbox)).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddZaikoData(options.ConnectionString);
        services.AddZaikoJobs();
        var storageOptions = HangfireExtensions.CreateStorageOptions(new JobServerOptions());
        services.AddSingleton<JobStorage>(new PostgreSqlStorage(new NpgsqlConnectionFactory(HangfireExtensions.HangfireConnectionString(options.ConnectionString), storageOptions), storageOptions));
        services.AddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        return services.BuildServiceProvider();
    }

    private Dictionary<string, string?> AppSettings(Uri sandbox) => new()
    {
        ["Sandbox:Enabled"] = "true",
        ["Sandbox:BaseUrl"] = sandbox.ToString().TrimEnd('/'),
        // The limiter stays in the path at a rate that does not bind.
        ["Sources:Yahoo:RequestsPerSecond"] = "100000",
        ["Sources:Yahoo:Burst"] = "100000",
        ["Hangfire:WorkerCount"] = WorkerCount.ToString(CultureInfo.InvariantCulture),
        // The sandbox's demo credentials (docs/SANDBOX.md), so stock-outs are pushed to its eBay.
        ["Channels:Ebay:ClientId"] = "ZaikoSan-Sandbox-PRD-0a1b2c3d4-5e6f7a8b",
        ["Channels:Ebay:ClientSecret"] = "PRD-0a1b2c3d4e5f-zaiko-sandbox-demo",
        ["Channels:Ebay:RefreshToken"] = "v^1.1#i^1#r^1#f^0#I^3#p^3#t^ZaikoSandboxDemoRefreshToken",
        ["Channels:Ebay:RequestsPerSecond"] = "1000",
        ["Channels:Ebay:Burst"] = "1000",
    };

    private (Process Process, Uri BaseUrl) StartApp(Uri sandbox)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = AppSettings(sandbox).Select(pair => $"--{pair.Key}={pair.Value}");
        var process = Start("dotnet", [options.AppDll, "--role", "all", "--urls", url.ToString().TrimEnd('/'), $"--ConnectionStrings:Zaiko={options.ConnectionString}", .. settings],
            [("ZAIKO_LOG_DIR", options.LogDir)], "app");
        return (process, url);
    }

    /// <summary>
    /// The framework's ceiling here — empty jobs through the app's server: first an untimed warm-up (the app has just started, and the check cycle
    /// measured later runs warm), then as many jobs as there are products, timed.
    /// </summary>
    private async Task<double> NoopJobsAsync(JobStorage storage, BackgroundJobClient client)
    {
        await RunNoopJobsAsync(storage, client, Math.Min(2_000, options.Products));
        var stopwatch = Stopwatch.StartNew();
        await RunNoopJobsAsync(storage, client, options.Products);
        return options.Products / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task RunNoopJobsAsync(JobStorage storage, BackgroundJobClient client, int count)
    {
        // Jobs in the Succeeded state, counted row by row. Not GetStatistics().Succeeded: that sums counters which
        // Hangfire.PostgreSql's aggregator folds together every 5 minutes, once per Hangfire server — and the app
        // runs two — so it over-counts after a fold, and a long measurement ended while jobs were still queued.
        var monitoring = storage.GetMonitoringApi();
        var before = monitoring.SucceededListCount();
        foreach (var batch in Enumerable.Range(0, count).Chunk(500))
        {
            using var scope = new TransactionScope(TransactionScopeOption.Required, new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted }, TransactionScopeAsyncFlowOption.Enabled);
            foreach (var _ in batch)
            {
                client.Create(() => Task.Delay(0), new EnqueuedState(JobQueues.Checks));
            }

            scope.Complete();
        }

        while (monitoring.SucceededListCount() - before < count)
        {
            await Task.Delay(500);
        }
    }

    /// <summary>About 2 % of the sources change: half close (stock-out), half change price within the anomaly threshold.</summary>
    private static async Task ChangeSourcesAsync(Uri sandbox, IReadOnlyList<(string AuctionId, long OfferId)> offers)
    {
        var changed = offers.Where((_, i) => i % 50 == 0).ToArray();
        for (var i = 0; i < changed.Length; i++)
        {
            object patch = i % 2 == 0 ? new { status = "closed" } : new { price = 123_400 + i };
            await SendAsync(sandbox, HttpMethod.Patch, $"_sandbox/yahoo/items/{changed[i].AuctionId}", patch);
        }
    }

    private async Task<RunTimes> WaitForRunAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        while (true)
        {
            var run = await connection.QuerySingleOrDefaultAsync<RunTimes>("""
                SELECT execution_id AS Id, started_at AS Started, ended_at AS Ended, fan_out_completed_at AS FanOutCompleted, updated_count AS Updated
                FROM inventory_execution_logs WHERE process_type = 'stock-check' AND status IN ('completed', 'partial', 'failed')
                """);
            if (run is not null)
            {
                return run;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Until the stock-outs of the run have reached the channel (or 60 s have passed).</summary>
    private async Task WaitForPushesAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        for (var i = 0; i < 300; i++)
        {
            var waiting = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM listing_platforms WHERE sync_state IN ('pending', 'syncing')");
            if (waiting == 0)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    private async Task<(double P50, double P95)> PercentilesAsync(string sql, RunTimes run)
    {
        await using var connection = await Db.OpenConnectionAsync();
        var values = (await connection.QueryAsync<double>(sql, new { started = run.Started, id = run.Id })).Order().ToArray();
        return values.Length == 0 ? (double.NaN, double.NaN) : (values[(int)(0.5 * (values.Length - 1))], values[(int)Math.Ceiling(0.95 * (values.Length - 1))]);
    }

    private static async Task<List<JsonElement>> CatalogAsync(Uri sandbox, string target)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        var items = new List<JsonElement>();
        while (true)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"_sandbox/catalog?target={target}&offset={items.Count}&limit=5000"));
            var batch = page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
            items.AddRange(batch);
            if (batch.Length == 0 || items.Count >= page.RootElement.GetProperty("total").GetInt32())
            {
                return items;
            }
        }
    }

    private static async Task SendAsync(Uri sandbox, HttpMethod method, string path, object body)
    {
        using var http = new HttpClient { BaseAddress = sandbox, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitForAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{url} did not answer within 60 s");
    }

    private Process Start(string file, IEnumerable<string> arguments, IEnumerable<(string, string)> environment, string name)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var log = new StreamWriter(Path.Combine(options.LogDir, name + ".out")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        return process;
    }

    private static void Print(string key, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={(double.IsNaN(value) ? "n/a" : Math.Round(value, value >= 100 ? 0 : 2).ToString(CultureInfo.InvariantCulture))}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }
}

sealed record RunTimes(Guid Id, DateTime Started, DateTime Ended, DateTime FanOutCompleted, int Updated);

/// <summary>Samples a process's resident set size every 250 ms and keeps the peak.</summary>
sealed class RssSampler
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    public RssSampler(int processId)
    {
        sampling = Task.Run(async () =>
        {
            long peak = 0;
            while (!stop.IsCancellationRequested)
            {
                var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024);
                }

                await Task.Delay(250);
            }

            return peak;
        });
    }

    public async Task<long> StopAsync()
    {
        await stop.CancelAsync();
        return await sampling;
    }
}
