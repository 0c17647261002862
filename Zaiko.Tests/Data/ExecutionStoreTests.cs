using Zaiko.Data;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class ExecutionStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TryStartAsync_OpensARunningExecution()
    {
        var start = await Executions.TryStartAsync("stock-check", "worker-1", "schedule", CancellationToken.None);

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);

        Assert.True(start.Started);
        Assert.Equal("running", execution!.Status);
        Assert.Equal("worker-1", execution.WorkerId);
        Assert.Equal(StartTime, execution.StartedAt);
        Assert.Null(execution.EndedAt);
    }

    [Fact]
    public async Task TryStartAsync_RecordsASkippedExecution_WhenOneOfTheSameTypeIsRunning()
    {
        var first = await Executions.TryStartAsync("stock-check", "w1", "schedule", CancellationToken.None);

        var second = await Executions.TryStartAsync("stock-check", "w2", "dashboard", CancellationToken.None);

        Assert.False(second.Started);
        Assert.Equal(first.ExecutionId, second.RunningExecutionId);
        var skipped = await Executions.GetAsync(second.ExecutionId, CancellationToken.None);
        Assert.Equal("skipped", skipped!.Status);
        Assert.Equal(StartTime, skipped.EndedAt);
        Assert.Contains(first.ExecutionId.ToString(), skipped.Details);
    }

    [Fact]
    public async Task TryStartAsync_StartsBothTypes_WhenTheyDiffer()
    {
        var stock = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);

        var price = await Executions.TryStartAsync("price-check", null, "schedule", CancellationToken.None);

        Assert.True(stock.Started);
        Assert.True(price.Started);
    }

    [Fact]
    public async Task TryStartAsync_RejectsAnUnknownProcessType_NamingTheField()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Executions.TryStartAsync("stock_check", null, "schedule", CancellationToken.None));

        Assert.Equal("process_type", ex.Field);
    }

    [Fact]
    public async Task RecordProgressAsync_AddsConcurrentReportsAtomically()
    {
        var start = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        await Executions.CompleteFanOutAsync(start.ExecutionId, 40, null, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Executions.RecordProgressAsync(start.ExecutionId, 1, i % 4 == 0 ? 1 : 0, i % 10 == 0 ? 1 : 0, CancellationToken.None)));

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.Equal((40, 40, 10, 4), (execution!.TotalCount, execution.ProcessedCount, execution.UpdatedCount, execution.ErrorCount));
    }

    [Fact]
    public async Task FinishAsync_ClosesTheExecutionOnce_AndReleasesTheLock()
    {
        var start = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(7));

        Assert.True(await Executions.FinishAsync(start.ExecutionId, "partial", """{"failed_checks": 3}""", CancellationToken.None));
        Assert.False(await Executions.FinishAsync(start.ExecutionId, "completed", null, CancellationToken.None));

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.Equal("partial", execution!.Status);
        Assert.Equal(StartTime.AddMinutes(7), execution.EndedAt);
        Assert.Contains("failed_checks", execution.Details);
        Assert.True((await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None)).Started);
    }

    [Fact]
    public async Task FinishAsync_RejectsRunningAsAFinalStatus()
    {
        var start = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Executions.FinishAsync(start.ExecutionId, "running", null, CancellationToken.None));

        Assert.Equal("status", ex.Field);
    }

    [Fact]
    public async Task FailStaleAsync_ClosesOnlyExecutionsWithoutRecentProgress()
    {
        var stale = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(3));
        var fresh = await Executions.TryStartAsync("price-check", null, "schedule", CancellationToken.None);

        var closed = await Executions.FailStaleAsync(Clock.GetUtcNow().AddHours(-2), CancellationToken.None);

        Assert.Equal([stale.ExecutionId], closed);
        Assert.Equal("failed", (await Executions.GetAsync(stale.ExecutionId, CancellationToken.None))!.Status);
        Assert.Equal("running", (await Executions.GetAsync(fresh.ExecutionId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ListRecentAsync_FiltersByProcessType_NewestFirst()
    {
        var a = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        await Executions.FinishAsync(a.ExecutionId, "completed", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        await Executions.TryStartAsync("cleanup", null, "schedule", CancellationToken.None);

        var recent = await ExecutionQueries.ListRecentAsync("stock-check", 10, CancellationToken.None);

        Assert.Equal([b.ExecutionId, a.ExecutionId], recent.Select(e => e.ExecutionId));
        Assert.Equal(3, (await ExecutionQueries.ListRecentAsync(null, 10, CancellationToken.None)).Count);
    }
}
