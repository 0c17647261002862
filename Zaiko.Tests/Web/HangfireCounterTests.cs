using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zaiko.Jobs;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

/// <summary>The dashboard's job counters: exact with any number of Hangfire servers folding them at once.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HangfireCounterTests(PostgresDatabase database)
{
    [Fact]
    public async Task Storage_LeavesOutTheLibrarysCounterAggregator_AndKeepsItsOtherComponents()
    {
        await using var web = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        var storage = Assert.IsType<ZaikoJobStorage>(web.App.Services.GetRequiredService<JobStorage>());
        var options = HangfireExtensions.CreateStorageOptions(new JobServerOptions());
        var library = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);

#pragma warning disable CS0618 // the components are what Hangfire.PostgreSql hands every server
        var libraryNames = library.GetComponents().Select(component => component.GetType().Name).ToList();
        var zaikoNames = storage.GetComponents().Select(component => component.GetType().Name).ToList();
#pragma warning restore CS0618

        // When an upgrade renames the library's aggregator, this fails instead of two aggregators running.
        Assert.Contains(ZaikoJobStorage.ReplacedComponentName, libraryNames);
        Assert.Equal(
            libraryNames.Where(name => name != ZaikoJobStorage.ReplacedComponentName).Append(nameof(HangfireCounterAggregator)).Order(),
            zaikoNames.Order());
    }

    [Fact]
    public async Task AggregatorsRunningAtOnce_WhileCountersAreWritten_AddEveryCounterExactlyOnce()
    {
        await using var web = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        var storage = web.App.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var succeededBefore = monitoring.GetStatistics().Succeeded;
        var dailyKey = "stats:succeeded:test-" + Guid.NewGuid().ToString("N")[..8];
        const int writers = 4, incrementsPerWriter = 400;

        using var writing = new CancellationTokenSource();
        var aggregators = Enumerable.Range(0, 3).Select(_ => NewAggregator()).ToList();
        var passes = aggregators.Select(aggregator => Task.Run(async () =>
        {
            var moved = 0;
            while (!writing.IsCancellationRequested)
            {
                moved += aggregator.AggregateOnce();
                await Task.Delay(5);
            }

            return moved;
        })).ToList();
        var writes = Enumerable.Range(0, writers).Select(_ => Task.Run(() =>
        {
            using var connection = storage.GetConnection();
            for (var i = 0; i < incrementsPerWriter; i++)
            {
                using var transaction = connection.CreateWriteTransaction();
                transaction.IncrementCounter("stats:succeeded");
                transaction.IncrementCounter(dailyKey, TimeSpan.FromDays(1));
                transaction.Commit();
            }
        })).ToList();

        await Task.WhenAll(writes);
        await writing.CancelAsync();
        var movedWhileWriting = (await Task.WhenAll(passes)).Sum();
        while (aggregators[0].AggregateOnce() > 0)
        {
        }

        const int expected = writers * incrementsPerWriter;
        Assert.True(movedWhileWriting > 0, "the aggregators ran while counters were written");
        Assert.Equal(succeededBefore + expected, monitoring.GetStatistics().Succeeded);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var daily = await connection.QuerySingleAsync<(long Value, DateTime? ExpireAt)>(
            "SELECT value, expireat FROM hangfire.aggregatedcounter WHERE key = @dailyKey", new { dailyKey });
        Assert.Equal(expected, daily.Value);
        Assert.NotNull(daily.ExpireAt);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.counter"));
    }

    [Fact]
    public async Task DashboardSucceededTotal_EqualsTheJobsThatSucceeded_WithTwoProcessesOfTwoServersEach()
    {
        const int jobs = 300;
        string[] args = ["--Hangfire:CounterAggregationIntervalSeconds=1"];
        await using var first = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, [.. args, "--Hangfire:ServerName=count-a"]);
        await using var second = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, [.. args, "--Hangfire:ServerName=count-b"]);
        var monitoring = first.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var firstJobId = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) + 1 FROM hangfire.job");
        var succeededBefore = monitoring.GetStatistics().Succeeded;
        var aggregatedBefore = await AggregatedSucceededAsync(connection);

        var client = first.App.Services.GetRequiredService<IBackgroundJobClient>();
        for (var i = 0; i < jobs; i++)
        {
            var number = i;
            client.Create<CountedJob>(job => job.Run(number), new EnqueuedState(JobQueues.Checks));
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        long succeededJobs;
        do
        {
            await Task.Delay(200);
            // Recurring jobs may run meanwhile; they count in both figures alike.
            succeededJobs = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM hangfire.job WHERE id >= @firstJobId AND statename = 'Succeeded'", new { firstJobId });
        }
        while ((succeededJobs < jobs || await UnaggregatedSucceededAsync(connection) > 0) && DateTime.UtcNow < deadline);

        Assert.True(succeededJobs >= jobs, $"{succeededJobs} of {jobs} jobs succeeded in time");
        Assert.Equal(0, await UnaggregatedSucceededAsync(connection));
        Assert.True(await AggregatedSucceededAsync(connection) - aggregatedBefore >= jobs, "the servers' aggregators folded the counters");
        var succeededJobsNow = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE id >= @firstJobId AND statename = 'Succeeded'", new { firstJobId });
        Assert.Equal(succeededBefore + succeededJobsNow, monitoring.GetStatistics().Succeeded);
    }

    [Fact]
    public async Task Worker_RefusesToStart_NamingTheSetting_WhenTheAggregationIntervalIsOutOfRange()
    {
        await using var app = ZaikoApplication.Build(
            ["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Zaiko={database.ConnectionString}", "--Hangfire:CounterAggregationIntervalSeconds=0"],
            ZaikoRole.Worker);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("CounterAggregationIntervalSeconds", error.Message);
        Assert.Contains("between 1 and 3600", error.Message);
    }

    private HangfireCounterAggregator NewAggregator() =>
        new(database.DataSource, HangfireExtensions.SchemaName, TimeSpan.FromSeconds(1), NullLogger<HangfireCounterAggregator>.Instance);

    private static Task<long> AggregatedSucceededAsync(Npgsql.NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>(
        "SELECT coalesce(sum(value), 0) FROM hangfire.aggregatedcounter WHERE key = 'stats:succeeded'");

    private static Task<long> UnaggregatedSucceededAsync(Npgsql.NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>(
        "SELECT count(*) FROM hangfire.counter WHERE key = 'stats:succeeded'");

    /// <summary>An empty job: only its success is counted.</summary>
    public sealed class CountedJob
    {
        public void Run(int number) => ArgumentOutOfRangeException.ThrowIfNegative(number);
    }
}
