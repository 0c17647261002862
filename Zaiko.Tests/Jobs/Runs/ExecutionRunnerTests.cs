using Microsoft.Extensions.Logging.Abstractions;
using Zaiko.Data;
using Zaiko.Data.Executions;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Runs;

/// <summary>The one way a job runs as an execution: started, skipped, finished, failed or cancelled — never left running.</summary>
public sealed class ExecutionRunnerTests(PostgresDatabase database) : DatabaseTest(database)
{
    private ExecutionRunner Runner => new(Executions, NullLogger<ExecutionRunner>.Instance);

    [Fact]
    public async Task RunAsync_FinishesTheExecution_WithTheBodysOutcome()
    {
        var start = await Runner.RunAsync(ProcessTypes.Cleanup, "hangfire", (_, _) => Task.FromResult(RunOutcome.Completed(new { deleted = 3 })), CancellationToken.None);

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.Equal((ExecutionStatuses.Completed, "hangfire"), (execution!.Status, execution.TriggeredBy));
        Assert.Contains("\"deleted\": 3", execution.Details);
        Assert.NotNull(execution.EndedAt);
    }

    [Fact]
    public async Task RunAsync_NamesTheWorker_AsHostColonProcessId()
    {
        var start = await Runner.RunAsync(ProcessTypes.Cleanup, "hangfire", (_, _) => Task.FromResult(RunOutcome.Completed(new { })), CancellationToken.None);

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", execution!.WorkerId);
    }

    [Fact]
    public async Task RunAsync_RecordsASkip_AndDoesNotRunTheBody_WhileAnotherRunOfTheTypeIsGoing()
    {
        var running = await Executions.TryStartAsync(ProcessTypes.Reconcile, "elsewhere", "test", CancellationToken.None);
        var ran = false;

        var start = await Runner.RunAsync(ProcessTypes.Reconcile, "hangfire", (_, _) =>
        {
            ran = true;
            return Task.FromResult(RunOutcome.Completed(new { }));
        }, CancellationToken.None);

        Assert.False(ran);
        Assert.Equal((false, running.ExecutionId), (start.Started, start.RunningExecutionId));
        Assert.Equal(ExecutionStatuses.Skipped, (await Executions.GetAsync(start.ExecutionId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RunAsync_ClosesTheExecutionAsFailed_AndRethrows_WhenTheBodyCrashes()
    {
        Guid? executionId = null;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner.RunAsync(ProcessTypes.Cleanup, "hangfire", (id, _) =>
        {
            executionId = id;
            throw new InvalidOperationException("disk full");
        }, CancellationToken.None));

        var execution = await Executions.GetAsync(executionId!.Value, CancellationToken.None);
        Assert.Equal("disk full", ex.Message);
        Assert.Equal(ExecutionStatuses.Failed, execution!.Status);
        Assert.Contains("cleanup failed: disk full", execution.Details);
    }

    [Fact]
    public async Task RunAsync_ClosesTheExecutionAsFailed_WhenTheJobIsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        Guid? executionId = null;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.RunAsync(ProcessTypes.Reconcile, "hangfire", async (id, token) =>
        {
            executionId = id;
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return RunOutcome.Completed(new { });
        }, cancellation.Token));

        var execution = await Executions.GetAsync(executionId!.Value, CancellationToken.None);
        Assert.Equal(ExecutionStatuses.Failed, execution!.Status);
        Assert.Contains("reconcile was cancelled before it finished", execution.Details);
    }

    [Fact]
    public async Task RunAsync_LeavesTheExecutionRunning_WhenTheRunGoesOnInItsJobs()
    {
        var start = await Runner.RunAsync(ProcessTypes.StockCheck, "hangfire", (_, _) => Task.FromResult(RunOutcome.ContinuesInItsJobs), CancellationToken.None);

        var execution = await Executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.Equal(ExecutionStatuses.Running, execution!.Status);
        Assert.Null(execution.EndedAt);
    }
}
