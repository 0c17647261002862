using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Jobs;

namespace Zaiko.Web.Hosting;

/// <summary>Hangfire on PostgreSQL: the job engine, its queues and its dashboard.</summary>
public static class HangfireExtensions
{
    public const string SchemaName = "hangfire";

    public static WebApplicationBuilder AddZaikoHangfire(this WebApplicationBuilder builder, ZaikoRole role)
    {
        builder.Services.AddOptions<JobServerOptions>().BindConfiguration(JobServerOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName)!;
        builder.Services.AddHangfire((services, configuration) =>
        {
            var options = services.GetRequiredService<IOptions<JobServerOptions>>().Value;
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(bootstrap => bootstrap.UseNpgsqlConnection(connectionString), CreateStorageOptions(options));
        });

        if (role.RunsJobs())
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                var options = services.GetRequiredService<IOptions<JobServerOptions>>().Value;
                server.Queues = JobQueues.ServedInOrder;
                server.WorkerCount = options.WorkerCount;
                server.ServerName = options.ServerName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
                server.ShutdownTimeout = TimeSpan.FromSeconds(30);
                // Delayed checks (auction end + 2 min) should not wait the default 15 s on top.
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return builder;
    }

    public static PostgreSqlStorageOptions CreateStorageOptions(JobServerOptions options) => new()
    {
        SchemaName = SchemaName,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromMilliseconds(options.QueuePollIntervalMs),
        // Without sliding invisibility a job running longer than InvisibilityTimeout (30 min) is handed to a second worker.
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    public static IEndpointRouteBuilder MapZaikoDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Zaiko ジョブ",
            DisplayStorageConnectionString = false,
            AppPath = "/",
            // Sign-in arrives with the admin pages; until then the dashboard answers loopback requests only.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        return endpoints;
    }
}
