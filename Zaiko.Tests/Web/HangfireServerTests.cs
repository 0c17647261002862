using Dapper;
using Hangfire;
using Hangfire.Server;
using Npgsql;
using Zaiko.Jobs;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HangfireServerTests(PostgresDatabase database) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS test_job_runs (job_number integer NOT NULL, server_id text NOT NULL, ran_at timestamptz NOT NULL DEFAULT clock_timestamp());
            TRUNCATE test_job_runs;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EnqueuedJob_IsExecutedByTheWorkerRolesHangfireServer()
    {
        await using var worker = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:ServerName=worker-a");
        var client = worker.App.Services.GetRequiredService<IBackgroundJobClient>();

        client.Enqueue<RecordingJob>(job => job.RunAsync(1, null!, CancellationToken.None));

        var runs = await WaitForRunsAsync(1);
        Assert.Equal(1, Assert.Single(runs).JobNumber);
    }

    [Fact]
    public async Task TwoServers_ShareOneQueue_AndRunEachJobExactlyOnce()
    {
        const int jobs = 120;
        await using var first = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:ServerName=worker-a");
        await using var second = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:ServerName=worker-b");
        var client = first.App.Services.GetRequiredService<IBackgroundJobClient>();

        for (var i = 0; i < jobs; i++)
        {
            var number = i;
            client.Create<RecordingJob>(job => job.RunAsync(number, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Checks));
        }

        var runs = await WaitForRunsAsync(jobs);
        Assert.Equal(Enumerable.Range(0, jobs), runs.Select(r => r.JobNumber).Order());
        var servers = runs.Select(r => r.ServerId.Split(':')[0]).Distinct().Order().ToArray();
        Assert.Equal(["worker-a", "worker-b"], servers);
    }

    [Fact]
    public async Task CriticalQueue_IsServedBeforeMaintenance_WhenBothHaveWork()
    {
        // A web-role process enqueues while no server runs, so both queues hold work when the worker starts.
        await using var web = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        var client = web.App.Services.GetRequiredService<IBackgroundJobClient>();
        for (var i = 0; i < 20; i++)
        {
            var number = i;
            client.Create<RecordingJob>(job => job.RunAsync(1000 + number, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Maintenance));
        }

        client.Create<RecordingJob>(job => job.RunAsync(1, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Critical));

        await using var worker = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:WorkerCount=1");
        var runs = await WaitForRunsAsync(21);
        Assert.InRange(runs.OrderBy(r => r.RanAt).Select(r => r.JobNumber).ToList().IndexOf(1), 0, 2);
    }

    [Fact]
    public async Task SyncQueue_IsServed_WhileTheChecksQueueIsFull()
    {
        await using var worker = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:WorkerCount=2");
        var client = worker.App.Services.GetRequiredService<IBackgroundJobClient>();
        for (var i = 0; i < 200; i++)
        {
            var number = 1000 + i;
            client.Create<RecordingJob>(job => job.RunAsync(number, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Checks));
        }

        client.Create<RecordingJob>(job => job.RunAsync(1, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Sync));

        var runs = await WaitForRunsAsync(201);
        var syncPosition = runs.OrderBy(r => r.RanAt).Select(r => r.JobNumber).ToList().IndexOf(1);
        // Two workers take ~100 of the checks in the time the urgent pool needs to notice the push; it never waits for the backlog.
        Assert.InRange(syncPosition, 0, 100);
    }

    private async Task<IReadOnlyList<JobRun>> WaitForRunsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            var runs = (await connection.QueryAsync<JobRun>("SELECT job_number, server_id, ran_at FROM test_job_runs")).AsList();
            if (runs.Count >= expected || DateTime.UtcNow > deadline)
            {
                // Give a duplicate execution, if any, the chance to show up before asserting.
                await Task.Delay(runs.Count >= expected ? 1500 : 0);
                return (await connection.QueryAsync<JobRun>("SELECT job_number, server_id, ran_at FROM test_job_runs")).AsList();
            }

            await Task.Delay(100);
        }
    }

    public sealed record JobRun(int JobNumber, string ServerId, DateTime RanAt);

    /// <summary>A job that records which server ran it; resolved from the worker's DI container like every Zaiko job.</summary>
    public sealed class RecordingJob(NpgsqlDataSource dataSource)
    {
        public async Task RunAsync(int jobNumber, PerformContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO test_job_runs (job_number, server_id) VALUES (@jobNumber, @serverId)",
                new { jobNumber, serverId = context.ServerId }, cancellationToken: cancellationToken));
        }
    }
}
