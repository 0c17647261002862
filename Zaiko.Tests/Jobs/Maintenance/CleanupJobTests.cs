using Microsoft.Extensions.Logging.Abstractions;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.Health;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Maintenance;

public sealed class CleanupJobTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task RunAsync_ForgetsWhatIsPastRetention_AndRecordsWhatItDid()
    {
        var health = new HealthCheckStore(Database.DataSource, Clock);
        var resolved = await Errors.RecordAsync(new NewError("timeout", "low", "old"), CancellationToken.None);
        await Errors.ResolveAsync(resolved, null, "staff", CancellationToken.None);
        await health.RecordAsync([new("database", "ok", 1, "{}")], CancellationToken.None);
        var alerts = new AlertStore(Database.DataSource, Clock);
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await alerts.CreateAsync(connection, transaction, new NewAlert("timeout:1", "info", "timeout", "slow", StartTime, ["log"]), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await new AlertLogStore(Database.DataSource, Clock).RecordAsync(new AlertAttempt(null, "daily-summary:2026-11-27", "email", "info", "日次サマリー", "sent"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(120));

        await Job().RunAsync(CancellationToken.None);

        Assert.Null(await Errors.GetAsync(resolved, CancellationToken.None));
        Assert.Empty(await health.ListLatestAsync(CancellationToken.None));
        Assert.Empty(await alerts.ListRecentAsync(10, CancellationToken.None));
        Assert.Empty(await new AlertLogStore(Database.DataSource, Clock).ListRecentAsync(10, CancellationToken.None));
        var run = Assert.Single(await ExecutionQueries.ListRecentAsync("cleanup", 5, CancellationToken.None));
        Assert.Equal("completed", run.Status);
        Assert.Contains("\"resolvedErrors\":1", run.Details.Replace(" ", ""));
    }

    [Fact]
    public async Task RunAsync_ClosesItsRunAsFailed_WhenItIsCancelledMidway()
    {
        using var cancellation = new CancellationTokenSource();
        await using (var tableLock = await TableLock.TakeAsync(Database.DataSource, "settings"))
        {
            var run = Job().RunAsync(cancellation.Token);
            await tableLock.WaitForWaiterAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var execution = Assert.Single(await ExecutionQueries.ListRecentAsync("cleanup", 5, CancellationToken.None));
        Assert.Equal("failed", execution.Status);
        Assert.Contains("cleanup was cancelled before it finished", execution.Details);
        Assert.Equal(ExecutionRunner.WorkerId, execution.WorkerId);
    }

    [Fact]
    public async Task RunAsync_ClosesItsRunAsFailed_WithTheReason_WhenItCrashes()
    {
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        {
            // A retention setting that cannot be read as one: the job cannot know what to keep.
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO settings (key, value, version, updated_at, updated_by) VALUES ('retention', '\"two years\"', 1, now(), 'test')");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => Job().RunAsync(CancellationToken.None));

        var execution = Assert.Single(await ExecutionQueries.ListRecentAsync("cleanup", 5, CancellationToken.None));
        Assert.Equal("failed", execution.Status);
        Assert.Contains("cleanup failed: ", execution.Details);
    }

    [Fact]
    public async Task PartitionMaintenance_CreatesPartitionsAhead()
    {
        await History.DropPartitionsBeforeAsync(Clock.GetUtcNow().AddYears(5), CancellationToken.None);

        await new PartitionMaintenanceJob(History, NullLogger<PartitionMaintenanceJob>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(PartitionMaintenanceJob.MonthsAhead + 2, (await History.ListPartitionsAsync(CancellationToken.None)).Count);
    }

    private CleanupJob Job() => new(new SettingsStore(Database.DataSource, Clock), History, Errors, Executions,
        new ExecutionRunner(Executions, NullLogger<ExecutionRunner>.Instance), new HealthCheckStore(Database.DataSource, Clock),
        new AlertStore(Database.DataSource, Clock), new AlertLogStore(Database.DataSource, Clock), Clock, NullLogger<CleanupJob>.Instance);
}
