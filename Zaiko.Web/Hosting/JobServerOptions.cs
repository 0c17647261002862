using System.ComponentModel.DataAnnotations;

namespace Zaiko.Web.Hosting;

/// <summary>Hangfire server settings (section "Hangfire").</summary>
public sealed class JobServerOptions
{
    public const string Section = "Hangfire";

    /// <summary>Worker threads of this process; Hangfire's own default is min(5 × cores, 20).</summary>
    [Range(1, 200)]
    public int WorkerCount { get; init; } = Math.Min(5 * Environment.ProcessorCount, 20);

    /// <summary>Workers of the second server that serves only the critical and sync queues (stock-out pushes).</summary>
    [Range(1, 50)]
    public int UrgentWorkerCount { get; init; } = 2;

    /// <summary>How often idle workers poll PostgreSQL for jobs. Hangfire.PostgreSql defaults to 15 s; a stock-out must not wait that long.</summary>
    [Range(50, 1000)]
    public int QueuePollIntervalMs { get; init; } = 500;

    /// <summary>How often the dashboard's job counters are folded into their totals (Hangfire.PostgreSql's default: 5 min).</summary>
    [Range(1, 3600)]
    public int CounterAggregationIntervalSeconds { get; init; } = 300;

    /// <summary>Name shown in the dashboard's server list; defaults to host name and process id.</summary>
    [StringLength(100)]
    public string? ServerName { get; init; }
}
