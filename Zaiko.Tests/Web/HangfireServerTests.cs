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
        // Jobs a failed test left queued would run on the next test's servers and spoil its count.
        await connection.ExecuteAsync("""
            DO $$ BEGIN
                IF to_regclass('hangfire.jobqueue') IS NOT NULL THEN DELETE FROM hangfire.jobqueue; END IF;
            END $$;
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
        // Either pool may take it, but neither after maintenance work: the urgent pool serves only critical and sync,
        // and the main pool fetches critical before maintenance, so there it is the first job it ran.
        var critical = Assert.Single(runs, r => r.JobNumber == 1);
        var firstOnItsServer = runs.Where(r => r.ServerId == critical.ServerId).MinBy(r => r.RanAt)!;
        Assert.True(critical.ServerId.Contains(":urgent:", StringComparison.Ordinal) || firstOnItsServer.JobNumber == 1,
            $"the critical job ran on {critical.ServerId} after maintenance job {firstOnItsServer.JobNumber}");
        Assert.Equal(21, runs.Count);
    }

    [Fact]
    public async Task SyncQueue_IsServedByTheUrgentPool_WhileEveryChecksWorkerIsBusy()
    {
        const int checks = 20;
        await using var worker = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker, "--Hangfire:WorkerCount=2", "--Hangfire:ServerName=sync-test");
        var client = worker.App.Services.GetRequiredService<IBackgroundJobClient>();
        GatedJob.Close();
        try
        {
            for (var i = 0; i < checks; i++)
            {
                var number = 1000 + i;
                client.Create<GatedJob>(job => job.RunAsync(number, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Checks));
            }

            // Both workers of the main pool hold a check until the gate opens; the other checks wait in the queue.
            await Poll.UntilAsync(() => Task.FromResult(GatedJob.Held == 2), "both main workers holding a check");

            client.Create<RecordingJob>(job => job.RunAsync(1, null!, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Sync));

            var runs = await Poll.ForAsync(async () => await ReadRunsAsync() is { Count: > 0 } some ? some : null,
                "the sync job to run while both main workers hold a check");
            var run = Assert.Single(runs);
            Assert.Equal(1, run.JobNumber);
            Assert.StartsWith("sync-test:urgent:", run.ServerId);
        }
        finally
        {
            GatedJob.Open();
        }

        // Every check runs before the next test, so none is left in the queue for its servers.
        Assert.Equal(1 + checks, (await WaitForRunsAsync(1 + checks)).Count);
    }

    private async Task<IReadOnlyList<JobRun>> WaitForRunsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var runs = await ReadRunsAsync();
            if (runs.Count >= expected || DateTime.UtcNow > deadline)
            {
                // Give a duplicate execution, if any, the chance to show up before asserting.
                await Task.Delay(runs.Count >= expected ? 1500 : 0);
                return await ReadRunsAsync();
            }

            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<JobRun>> ReadRunsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<JobRun>("SELECT job_number, server_id, ran_at FROM test_job_runs")).AsList();
    }

    public sealed record JobRun(int JobNumber, string ServerId, DateTime RanAt);

    /// <summary>A <see cref="RecordingJob"/> that first holds its worker until the test opens the gate (jobs run in this process).</summary>
    public sealed class GatedJob(NpgsqlDataSource dataSource)
    {
        private static volatile TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private static int held;

        /// <summary>How many gated jobs are waiting for the gate now.</summary>
        public static int Held => Volatile.Read(ref held);

        public static void Close()
        {
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref held, 0);
        }

        public static void Open() => gate.TrySetResult();

        public async Task RunAsync(int jobNumber, PerformContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref held);
            try
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref held);
            }

            await new RecordingJob(dataSource).RunAsync(jobNumber, context, cancellationToken);
        }
    }

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
