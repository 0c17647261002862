using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddZaikoJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddZaikoJobs();
        return builder;
    }

    public static IServiceCollection AddZaikoJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceHealthRegistry>();

        services.AddTransient<PartitionMaintenanceJob>();
        return services;
    }
}
