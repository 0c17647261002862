using Dapper;
using Hangfire;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Maintenance;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Checks;

[Collection(PipelineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CheckPipelineTests(PipelineFixture pipeline) : IAsyncLifetime
{
    public Task InitializeAsync() => pipeline.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FullCycle_WritesOneHistoryRowPerChangedItem_AndNoneForUnchanged()
    {
        var offers = await pipeline.SeedOffersAsync(300);
        var baseline = await pipeline.RunCycleAsync();
        var changed = offers.Where((_, i) => i % 50 == 0).ToArray();
        foreach (var (offer, i) in changed.Select((o, i) => (o, i)))
        {
            await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, i % 2 == 0 ? new { price = 1100 + i } : new { status = "closed" });
        }

        var run = await pipeline.RunCycleAsync();

        Assert.Equal(("completed", 300, 300), (baseline.Status, baseline.TotalCount, baseline.ProcessedCount));
        Assert.Equal(("completed", 300, 300, changed.Length), (run.Status, run.TotalCount, run.ProcessedCount, run.UpdatedCount));
        await using var connection = await pipeline.Database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<long>("SELECT inventory_id FROM stock_history WHERE execution_id = @id", new { id = run.ExecutionId })).Order().ToArray();
        Assert.Equal(changed.Select(o => o.OfferId).Order(), rows);
    }

    [Fact]
    public async Task FullCycle_ZeroesTheListing_OfAnAuctionThatEnded()
    {
        var offer = (await pipeline.SeedOffersAsync(3))[1];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { status = "closed" });

        await pipeline.RunCycleAsync();

        var listing = await pipeline.Services.GetRequiredService<ListingStore>().GetAsync(offer.ListingId, CancellationToken.None);
        var stored = await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offer.OfferId, CancellationToken.None);
        Assert.Equal((0, "ended"), (stored!.CurrentStock, stored.UrlStatus));
        Assert.Equal(0, listing!.DesiredQuantity);
    }

    [Fact]
    public async Task FanOut_RecordsASkippedExecution_WhenARunOfTheSameTypeIsRunning()
    {
        await pipeline.SeedOffersAsync(2);
        var executions = pipeline.Services.GetRequiredService<ExecutionStore>();
        var running = await executions.TryStartAsync("stock-check", "elsewhere", "test", CancellationToken.None);

        using (var scope = pipeline.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckFanOutJob>().RunAsync("stock-check", CancellationToken.None);
        }

        var recent = await pipeline.Services.GetRequiredService<ExecutionQueries>().ListRecentAsync("stock-check", 5, CancellationToken.None);
        Assert.Equal(["skipped", "running"], recent.Select(e => e.Status));
        Assert.Equal(running.ExecutionId, (await executions.GetAsync(running.ExecutionId, CancellationToken.None))!.ExecutionId);
        Assert.Equal(0, await pipeline.CountAsync("SELECT count(*) FROM stock_history"));
    }

    [Fact]
    public async Task Run_StillCloses_WhenAnOfferStoppedBeingMonitoredAfterTheFanOut()
    {
        var offers = await pipeline.SeedOffersAsync(2);
        var executions = pipeline.Services.GetRequiredService<ExecutionStore>();
        var run = await executions.TryStartAsync("stock-check", "test", "test", CancellationToken.None);
        await executions.CompleteFanOutAsync(run.ExecutionId, 2, null, CancellationToken.None);
        await pipeline.CountAsync("UPDATE inventory_management SET monitoring_enabled = false WHERE id = @id RETURNING 0", new { id = offers[1].OfferId });

        using (var scope = pipeline.Services.CreateScope())
        {
            foreach (var offer in offers)
            {
                await scope.ServiceProvider.GetRequiredService<ProductCheckJob>().RunAsync(offer.OfferId, run.ExecutionId, "stock-check", offer.AuctionId, CancellationToken.None);
            }
        }

        var closed = await executions.GetAsync(run.ExecutionId, CancellationToken.None);
        Assert.Equal(("completed", 2, 2), (closed!.Status, closed.TotalCount, closed.ProcessedCount));
        Assert.Equal(run.ExecutionId, (await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offers[0].OfferId, CancellationToken.None))!.LastExecutionId);
        Assert.Null((await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offers[1].OfferId, CancellationToken.None))!.LastExecutionId);
    }

    [Fact]
    public async Task RetriedCheck_NeitherDuplicatesHistoryNorCountsTwice()
    {
        var offer = (await pipeline.SeedOffersAsync(2))[0];
        var run = await pipeline.RunCycleAsync();
        var historyBefore = await pipeline.CountAsync("SELECT count(*) FROM stock_history");
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { status = "closed" });

        using (var scope = pipeline.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ProductCheckJob>();
            await job.RunAsync(offer.OfferId, run.ExecutionId, "stock-check", "retry", CancellationToken.None);
            await job.RunAsync(offer.OfferId, run.ExecutionId, "stock-check", "retry", CancellationToken.None);
        }

        var after = await pipeline.Services.GetRequiredService<ExecutionStore>().GetAsync(run.ExecutionId, CancellationToken.None);
        Assert.Equal((run.ProcessedCount, run.UpdatedCount, run.ErrorCount), (after!.ProcessedCount, after.UpdatedCount, after.ErrorCount));
        Assert.Equal(historyBefore, await pipeline.CountAsync("SELECT count(*) FROM stock_history"));
    }

    [Fact]
    public async Task KnownEndTime_IsCheckedAgainRightAfterTheAuctionEnds()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        // Whole seconds, as Yahoo's end times are: the page shows seconds, so an end at .7 s would be read as .0 s and
        // a check landing in between would still see the auction open.
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 8);
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { endTime = end });

        await pipeline.RunCycleAsync();

        var inventory = pipeline.Services.GetRequiredService<InventoryStore>();
        var scheduled = await inventory.GetAsync(offer.OfferId, CancellationToken.None);
        Assert.NotNull(scheduled!.EndCheckJobId);
        var job = pipeline.Services.GetRequiredService<JobStorage>().GetConnection().GetJobData(scheduled.EndCheckJobId);
        var ended = await pipeline.WaitAsync(async () =>
        {
            var current = await inventory.GetAsync(offer.OfferId, CancellationToken.None);
            return current!.UrlStatus == "ended" ? current : null;
        }, $"the delayed end-time check (job {scheduled.EndCheckJobId} was {job?.State}, end {scheduled.SourceEndTime:O})", seconds: 60);
        Assert.Equal(0, ended.CurrentStock);
        Assert.Equal(1, await pipeline.CountAsync(
            "SELECT count(*) FROM stock_history WHERE inventory_id = @id AND change_source = 'end-time-check' AND new_stock = 0", new { id = offer.OfferId }));
    }

    [Fact]
    public async Task HealthCheck_ClosesARunThatStoppedMakingProgress()
    {
        await using (var connection = await pipeline.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO inventory_execution_logs (execution_id, process_type, status, started_at, last_progress_at)
                VALUES ('0193a1b2-0000-7000-8000-0000000000aa', 'stock-check', 'running', now() - interval '5 hours', now() - interval '3 hours')
                """);
        }

        using (var scope = pipeline.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HealthCheckJob>().RunAsync(CancellationToken.None);
        }

        var stale = await pipeline.Services.GetRequiredService<ExecutionStore>().GetAsync(Guid.Parse("0193a1b2-0000-7000-8000-0000000000aa"), CancellationToken.None);
        Assert.Equal("failed", stale!.Status);
        Assert.Equal(1, await pipeline.CountAsync("SELECT count(*) FROM inventory_errors WHERE error_type = 'stale_execution' AND severity = 'high'"));
        Assert.True(await pipeline.CountAsync("SELECT count(*) FROM health_check_results WHERE component IN ('database', 'hangfire', 'disk', 'memory')") >= 4);
    }

    [Fact]
    public async Task FailingSource_NeverLowersStock_AndMakesTheOfferUnverifiableAfterThreeRuns()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.SetFaultsAsync(new { target = "yahoo", errorRate = 1.0, errorStatus = 503 });

        for (var i = 0; i < 3; i++)
        {
            await pipeline.RunCycleAsync();
        }

        var stored = await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offer.OfferId, CancellationToken.None);
        var listing = await pipeline.Services.GetRequiredService<ListingStore>().GetAsync(offer.ListingId, CancellationToken.None);
        Assert.Equal((1, "unverifiable", 3), (stored!.CurrentStock, stored.UrlStatus, stored.ConsecutiveFailures));
        Assert.Equal(1, await pipeline.CountAsync("SELECT count(*) FROM inventory_errors WHERE error_type = 'unverifiable' AND severity = 'high'"));
        Assert.Equal(("held", 1), (listing!.SyncState, listing.DesiredQuantity));
    }

    [Fact]
    public async Task PriceSpike_HoldsThePrice_ButStockStillSyncs()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { price = 5000, quantity = 3 });

        await pipeline.RunCycleAsync();

        var listing = await pipeline.Services.GetRequiredService<ListingStore>().GetAsync(offer.ListingId, CancellationToken.None);
        Assert.StartsWith("price_spike", listing!.PriceHoldReason);
        Assert.Equal(3, listing.DesiredQuantity);
        Assert.NotEqual("held", listing.SyncState);
        Assert.Equal(1, await pipeline.CountAsync("SELECT count(*) FROM inventory_errors WHERE error_type = 'price_spike'"));
    }

    [Fact]
    public async Task TitleChange_HoldsEverySync_AndMarksTheOfferChanged()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { title = "まったく別の商品", quantity = 0 });

        await pipeline.RunCycleAsync();

        var stored = await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offer.OfferId, CancellationToken.None);
        var listing = await pipeline.Services.GetRequiredService<ListingStore>().GetAsync(offer.ListingId, CancellationToken.None);
        Assert.Equal(("changed", 1), (stored!.UrlStatus, stored.CurrentStock));
        Assert.Equal("held", listing!.SyncState);
        Assert.StartsWith("product_changed", listing.HoldReason);
    }

    [Fact]
    public async Task UnreadablePages_RaiseOneCriticalLayoutErrorForTheRun()
    {
        var offers = await pipeline.SeedOffersAsync(40);
        foreach (var offer in offers.Take(6))
        {
            await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { layout = "redesigned" });
        }

        var run = await pipeline.RunCycleAsync();

        Assert.Equal("partial", run.Status);
        Assert.Equal(1, await pipeline.CountAsync(
            "SELECT count(*) FROM inventory_errors WHERE error_type = 'layout_changed' AND severity = 'critical' AND execution_id = @id", new { id = run.ExecutionId }));
        Assert.Equal(6, await pipeline.CountAsync(
            "SELECT count(*) FROM inventory_errors WHERE error_type = 'layout_changed' AND severity = 'medium' AND execution_id = @id", new { id = run.ExecutionId }));
    }

    [Fact]
    public async Task ManyStockOuts_InOneRun_RaiseOneCriticalError()
    {
        var offers = await pipeline.SeedOffersAsync(15);
        await pipeline.RunCycleAsync();
        foreach (var offer in offers.Take(12))
        {
            await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { status = "closed" });
        }

        var run = await pipeline.RunCycleAsync();

        const string ChainErrors = "SELECT count(*) FROM inventory_errors WHERE error_type = 'stock_out_chain' AND severity = 'critical' AND execution_id = @id";
        await pipeline.WaitAsync(async () => await pipeline.CountAsync(ChainErrors, new { id = run.ExecutionId }) > 0 ? "raised" : null, "the run's stock_out_chain error");
        Assert.Equal(1, await pipeline.CountAsync(ChainErrors, new { id = run.ExecutionId }));
    }

    [Fact]
    public async Task DeletedItem_IsOnlySuspected_UntilASecondCheckConfirmsIt()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        await pipeline.RunCycleAsync();
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { status = "deleted" });

        await pipeline.RunCycleAsync();

        var stored = await pipeline.Services.GetRequiredService<InventoryStore>().GetAsync(offer.OfferId, CancellationToken.None);
        Assert.Equal((1, "active"), (stored!.CurrentStock, stored.UrlStatus));
        Assert.NotNull(stored.GoneSuspectedAt);
        var scheduled = pipeline.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100);
        Assert.Contains(scheduled, job => job.Value.Job.Args[0] is long id && id == offer.OfferId);
    }
}
