using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using Npgsql;
using Zaiko.Data;
using Zaiko.Jobs;
using Zaiko.Jobs.Runs;
using Zaiko.Web.Security;

namespace Zaiko.Web.Hosting;

/// <summary>Hangfire on PostgreSQL: the job engine, its queues and its dashboard.</summary>
public static class HangfireExtensions
{
    public const string SchemaName = "hangfire";

    public static IHostApplicationBuilder AddZaikoHangfire(this IHostApplicationBuilder builder, ZaikoRole role)
    {
        builder.Services.AddOptions<JobServerOptions>().BindConfiguration(JobServerOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName)!;

        // Hangfire falls back to process-wide statics (JobStorage.Current, JobActivator.Current) for these; this
        // container's own instances make every job run against this process's database and services.
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            var options = services.GetRequiredService<IOptions<JobServerOptions>>().Value;
            var storageOptions = CreateStorageOptions(options);
            var counterAggregator = new HangfireCounterAggregator(services.GetRequiredService<NpgsqlDataSource>(), SchemaName,
                TimeSpan.FromSeconds(options.CounterAggregationIntervalSeconds), services.GetRequiredService<ILogger<HangfireCounterAggregator>>());
            return new ZaikoJobStorage(new NpgsqlConnectionFactory(HangfireConnectionString(connectionString), storageOptions), storageOptions, counterAggregator);
        });
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) =>
        {
            // Zaiko's jobs format nothing by the thread's culture; capturing it costs two rows per job, which a
            // fan-out of 100,000 checks feels.
            GlobalJobFilters.Filters.Remove(typeof(CaptureCultureAttribute));
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(services.GetRequiredService<JobStorage>());
        });

        if (role.RunsJobs())
        {
            // Hangfire.PostgreSql fetches the next job ordered by queue *name*, not by the order a server lists its
            // queues in, so "checks" would always be served before "critical" and "sync": a stock-out push would
            // wait behind a whole check run. A small second server serves only the urgent queues.
            builder.Services.AddHangfireServer((services, server) =>
                Configure(server, services, JobQueues.Urgent, options => options.UrgentWorkerCount, ":urgent"));
            builder.Services.AddHangfireServer((services, server) =>
                Configure(server, services, JobQueues.ServedInOrder, options => options.WorkerCount, ""));
        }

        return builder;
    }

    private static void Configure(BackgroundJobServerOptions server, IServiceProvider services, string[] queues,
        Func<JobServerOptions, int> workers, string nameSuffix)
    {
        var options = services.GetRequiredService<IOptions<JobServerOptions>>().Value;
        server.Queues = queues;
        server.WorkerCount = workers(options);
        server.ServerName = (options.ServerName ?? $"{Environment.MachineName}:{Environment.ProcessId}") + nameSuffix;
        server.ShutdownTimeout = TimeSpan.FromSeconds(30);
        // Delayed checks (auction end + 2 min) should not wait the default 15 s on top.
        server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
    }

    /// <summary>
    /// Hangfire's connections get the settings of Zaiko's own (<see cref="DataServiceCollectionExtensions.TuneConnectionString"/>):
    /// its statements are fixed text too, and prepared they cost PostgreSQL less per job than parsed and planned each time.
    /// </summary>
    public static string HangfireConnectionString(string connectionString) =>
        DataServiceCollectionExtensions.TuneConnectionString(connectionString, "zaiko-hangfire");

    public static PostgreSqlStorageOptions CreateStorageOptions(JobServerOptions options) => new()
    {
        SchemaName = SchemaName,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromMilliseconds(options.QueuePollIntervalMs),
        // Without sliding invisibility a job running longer than InvisibilityTimeout (30 min) is handed to a second worker.
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
        // The fan-out enqueues hundreds of jobs per database transaction (TransactionScope).
        EnableTransactionScopeEnlistment = true,
    };

    public static IEndpointRouteBuilder MapZaikoDashboard(this IEndpointRouteBuilder endpoints)
    {
        // The endpoint's Admin policy sends a visitor to sign in and answers 403 to Staff; the dashboard's own filter
        // checks the role again, so the dashboard never opens on the caller's address alone.
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Zaiko ジョブ",
            DisplayStorageConnectionString = false,
            AppPath = "/",
            Authorization = [new HangfireAdminAuthorization()],
        }).RequireAuthorization(SecurityExtensions.AdminPolicy);
        return endpoints;
    }
}
