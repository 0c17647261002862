using Microsoft.Extensions.Logging.Abstractions;
using Zaiko.Data.Errors;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Settings;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Checks;

public sealed class RunCloserTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TryCloseAsync_RaisesOneCriticalError_WhenTwoSourcesFailInTheSameRun()
    {
        var run = await CompleteRunAsync("""{"checks":{"yahoo":10,"amazon":20}}""", total: 30);
        for (var i = 0; i < 6; i++)
        {
            await Errors.RecordAsync(new NewError("timeout", "low", "slow") { ExecutionId = run, Platform = "yahoo" }, CancellationToken.None);
        }

        for (var i = 0; i < 11; i++)
        {
            await Errors.RecordAsync(new NewError("rate_limited", "low", "429") { ExecutionId = run, Platform = "amazon" }, CancellationToken.None);
        }

        var closed = await Closer().TryCloseAsync(run, CancellationToken.None);

        Assert.NotNull(closed);
        var critical = Assert.Single(await ErrorQueries.ListUnresolvedAsync("critical", 10, CancellationToken.None));
        Assert.Equal("multi_source_failure", critical.ErrorType);
        Assert.Contains("yahoo 6/10", critical.Message);
        Assert.Contains("amazon 11/20", critical.Message);
    }

    [Fact]
    public async Task TryCloseAsync_RaisesNothing_WhenOnlyOneSourceFails()
    {
        var run = await CompleteRunAsync("""{"checks":{"yahoo":10,"amazon":20}}""", total: 30);
        for (var i = 0; i < 10; i++)
        {
            await Errors.RecordAsync(new NewError("blocked", "medium", "captcha") { ExecutionId = run, Platform = "yahoo" }, CancellationToken.None);
        }

        await Closer().TryCloseAsync(run, CancellationToken.None);

        Assert.Empty(await ErrorQueries.ListUnresolvedAsync("critical", 10, CancellationToken.None));
    }

    [Fact]
    public async Task TryCloseAsync_RaisesTheLayoutAlert_OnlyAboveTheThreshold()
    {
        var run = await CompleteRunAsync("""{"checks":{"yahoo":100}}""", total: 100);
        for (var i = 0; i < 5; i++)
        {
            await Errors.RecordAsync(new NewError("layout_changed", "medium", "unreadable") { ExecutionId = run, Platform = "yahoo" }, CancellationToken.None);
        }

        await Closer().TryCloseAsync(run, CancellationToken.None);

        Assert.Empty(await ErrorQueries.ListUnresolvedAsync("critical", 10, CancellationToken.None));
    }

    [Fact]
    public async Task TryCloseAsync_ReturnsNull_ForARunThatIsNotComplete()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);

        Assert.Null(await Closer().TryCloseAsync(run.ExecutionId, CancellationToken.None));
    }

    [Fact]
    public async Task TryCloseAsync_LeavesTheRunOpen_WhenItsAnomaliesCannotBeRecorded()
    {
        var run = await CompleteRunAsync("""{"checks":{"yahoo":10}}""", total: 10);
        using var cancellation = new CancellationTokenSource();

        await using (var tableLock = await TableLock.TakeAsync(Database.DataSource, "inventory_errors"))
        {
            var closing = Closer().TryCloseAsync(run, cancellation.Token);
            await tableLock.WaitForWaiterAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closing);
        }

        Assert.Equal("running", (await Executions.GetAsync(run, CancellationToken.None))!.Status);
        Assert.NotNull(await Closer().TryCloseAsync(run, CancellationToken.None));
    }

    private RunCloser Closer() => new(Database.DataSource, Executions, Errors, History,
        new MonitoringSettingsProvider(new SettingsStore(Database.DataSource, Clock), Clock), NullLogger<RunCloser>.Instance);

    private async Task<Guid> CompleteRunAsync(string details, int total)
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await Executions.CompleteFanOutAsync(run.ExecutionId, total, details, CancellationToken.None);
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await Executions.CountCheckAsync(connection, null, run.ExecutionId, total, updated: false, failed: true, CancellationToken.None);
        return run.ExecutionId;
    }
}
