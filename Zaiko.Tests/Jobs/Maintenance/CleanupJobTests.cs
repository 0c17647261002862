using Microsoft.Extensions.Logging.Abstractions;
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
        Clock.Advance(TimeSpan.FromDays(120));

        await new CleanupJob(new SettingsStore(Database.DataSource, Clock), History, Errors, Executions, health, Clock, NullLogger<CleanupJob>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.Null(await Errors.GetAsync(resolved, CancellationToken.None));
        Assert.Empty(await health.ListLatestAsync(CancellationToken.None));
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
