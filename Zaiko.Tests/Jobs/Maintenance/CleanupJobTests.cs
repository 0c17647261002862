using Microsoft.Extensions.Logging.Abstractions;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.Health;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Maintenance;
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

        await new CleanupJob(new SettingsStore(Database.DataSource, Clock), History, Errors, Executions, health,
                new AlertStore(Database.DataSource, Clock), new AlertLogStore(Database.DataSource, Clock), Clock, NullLogger<CleanupJob>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.Null(await Errors.GetAsync(resolved, CancellationToken.None));
        Assert.Empty(await health.ListLatestAsync(CancellationToken.None));
        Assert.Empty(await alerts.ListRecentAsync(10, CancellationToken.None));
        Assert.Empty(await new AlertLogStore(Database.DataSource, Clock).ListRecentAsync(10, CancellationToken.None));
        var run = Assert.Single(await Executions.ListRecentAsync("cleanup", 5, CancellationToken.None));
        Assert.Equal("completed", run.Status);
        Assert.Contains("\"resolvedErrors\":1", run.Details.Replace(" ", ""));
    }

    [Fact]
    public async Task PartitionMaintenance_CreatesPartitionsAhead()
    {
        await History.DropPartitionsBeforeAsync(Clock.GetUtcNow().AddYears(5), CancellationToken.None);

        await new PartitionMaintenanceJob(History, NullLogger<PartitionMaintenanceJob>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(PartitionMaintenanceJob.MonthsAhead + 2, (await History.ListPartitionsAsync(CancellationToken.None)).Count);
    }
}
