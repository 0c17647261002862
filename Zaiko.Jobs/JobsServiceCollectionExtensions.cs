using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zaiko.Jobs.Maintenance;
using Zaiko.Jobs.Sources.Yahoo;

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
        services.AddTransient<PartitionMaintenanceJob>();
        services.AddSingleton<YahooPageScraper>();
        return services;
    }
}
