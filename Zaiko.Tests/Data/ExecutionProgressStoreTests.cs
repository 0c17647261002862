using Zaiko.Data;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

/// <summary>The ExecutionStore methods a check run uses to count, complete and close.</summary>
public sealed class ExecutionProgressStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task CountCheckAsync_ReportsCompletion_OnlyAfterTheFanOutCompleted()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var early = await Executions.CountCheckAsync(connection, null, run.ExecutionId, 1, updated: true, failed: false, CancellationToken.None);
        var fanOut = await Executions.CompleteFanOutAsync(run.ExecutionId, 2, """{"checks":{"yahoo":2}}""", CancellationToken.None);
        var last = await Executions.CountCheckAsync(connection, null, run.ExecutionId, 1, updated: false, failed: true, CancellationToken.None);

        Assert.False(early!.IsComplete);
        Assert.False(fanOut!.IsComplete);
        Assert.True(last!.IsComplete);
        var stored = await Executions.GetAsync(run.ExecutionId, CancellationToken.None);
        Assert.Equal((2, 2, 1, 1), (stored!.TotalCount, stored.ProcessedCount, stored.UpdatedCount, stored.ErrorCount));
        Assert.Contains("yahoo", stored.Details);
    }

    [Fact]
    public async Task CompleteFanOutAsync_RejectsANegativeTotal()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Executions.CompleteFanOutAsync(run.ExecutionId, -1, null, CancellationToken.None));

        Assert.Equal("total_count", ex.Field);
    }

    [Fact]
    public async Task TryCloseAsync_ClosesACompleteRunOnce_AsPartialWhenAnyCheckFailed()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await Executions.CompleteFanOutAsync(run.ExecutionId, 1, null, CancellationToken.None);
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        {
            await Executions.CountCheckAsync(connection, null, run.ExecutionId, 1, updated: false, failed: true, CancellationToken.None);
        }

        Clock.Advance(TimeSpan.FromSeconds(42));
        var closed = await CloseAsync(run.ExecutionId);
        var again = await CloseAsync(run.ExecutionId);

        Assert.Equal(("partial", StartTime.AddSeconds(42)), (closed!.Status, closed.EndedAt!.Value));
        Assert.Null(again);
    }

    [Fact]
    public async Task TryCloseAsync_LeavesAnIncompleteRunRunning()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await Executions.CompleteFanOutAsync(run.ExecutionId, 3, null, CancellationToken.None);

        Assert.Null(await CloseAsync(run.ExecutionId));
        Assert.Equal("running", (await Executions.GetAsync(run.ExecutionId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task DeleteFinishedOlderThanAsync_KeepsRunningAndRecentExecutions()
    {
        var old = await Executions.TryStartAsync("cleanup", null, "test", CancellationToken.None);
        await Executions.FinishAsync(old.ExecutionId, "completed", null, CancellationToken.None);
        var running = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(200));
        var recent = await Executions.TryStartAsync("cleanup", null, "test", CancellationToken.None);
        await Executions.FinishAsync(recent.ExecutionId, "completed", null, CancellationToken.None);

        var deleted = await Executions.DeleteFinishedOlderThanAsync(Clock.GetUtcNow().AddDays(-180), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await Executions.GetAsync(old.ExecutionId, CancellationToken.None));
        Assert.NotNull(await Executions.GetAsync(running.ExecutionId, CancellationToken.None));
        Assert.NotNull(await Executions.GetAsync(recent.ExecutionId, CancellationToken.None));
    }

    private async Task<Zaiko.Data.Executions.Execution?> CloseAsync(Guid executionId)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await Executions.TryCloseAsync(connection, null, executionId, CancellationToken.None);
    }
}
