using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Health;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Maintenance;

/// <summary>
/// Every five minutes: database latency, Hangfire servers and queues, free disk, this worker's memory and
/// the sources' circuit states into health_check_results; a failed component becomes an error. It also
/// closes running executions that stopped making progress, so a crashed run cannot hold the exclusive
/// lock of its process type forever.
/// </summary>
[Queue(JobQueues.Maintenance)]
[AutomaticRetry(Attempts = 0)]
public sealed partial class HealthCheckJob(
    HealthCheckStore health,
    ExecutionStore executions,
    ErrorStore errors,
    JobStorage storage,
    SourceHealthRegistry sources,
    MonitoringSettingsProvider settingsProvider,
    TimeProvider timeProvider,
    ILogger<HealthCheckJob> logger)
{
    private const long LowDiskBytes = 2L * 1024 * 1024 * 1024;
    private const long HighMemoryBytes = 1024L * 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [DisplayName("ヘルスチェック")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<HealthCheckResult> { await CheckDatabaseAsync(cancellationToken), CheckHangfire(), CheckDisk(), CheckMemory() };
        results.AddRange(sources.Snapshot().Select(source => new HealthCheckResult("source:" + source.Source,
            source.CircuitState == SourceHealthRegistry.Closed ? HealthCheckResult.Ok : HealthCheckResult.Degraded,
            source.P95LatencyMs, JsonSerializer.Serialize(source, Json))));
        await health.RecordAsync(results, cancellationToken);

        foreach (var failed in results.Where(r => r.Status == HealthCheckResult.Failed))
        {
            await errors.RecordAsync(new NewError(ErrorTypes.HealthCheck, Severities.High, $"health check: {failed.Component} failed: {failed.DetailsJson}")
            {
                Platform = "system",
            }, cancellationToken);
        }

        await CloseStaleExecutionsAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await health.PingAsync(cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new HealthCheckResult("database", latency < 500 ? HealthCheckResult.Ok : HealthCheckResult.Degraded, latency, "{}");
    }

    private HealthCheckResult CheckHangfire()
    {
        var monitoring = storage.GetMonitoringApi();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var servers = monitoring.Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(2));
        var queues = monitoring.Queues().ToDictionary(q => q.Name, q => q.Length);
        var failedJobs = monitoring.FailedCount();
        var details = JsonSerializer.Serialize(new { serversAlive = alive, servers = servers.Count, queues, failedJobs }, Json);
        return new HealthCheckResult("hangfire", alive > 0 ? HealthCheckResult.Ok : HealthCheckResult.Failed, null, details);
    }

    private static HealthCheckResult CheckDisk()
    {
        var drive = new DriveInfo(Path.GetPathRoot(Environment.CurrentDirectory) ?? "/");
        var free = drive.AvailableFreeSpace;
        var status = free < LowDiskBytes / 4 ? HealthCheckResult.Failed : free < LowDiskBytes ? HealthCheckResult.Degraded : HealthCheckResult.Ok;
        return new HealthCheckResult("disk", status, null, JsonSerializer.Serialize(new { freeBytes = free, drive = drive.Name }, Json));
    }

    private static HealthCheckResult CheckMemory()
    {
        using var process = Process.GetCurrentProcess();
        var rss = process.WorkingSet64;
        return new HealthCheckResult("memory", rss < HighMemoryBytes ? HealthCheckResult.Ok : HealthCheckResult.Degraded, null,
            JsonSerializer.Serialize(new { workingSetBytes = rss, host = Environment.MachineName, processId = Environment.ProcessId }, Json));
    }

    private async Task CloseStaleExecutionsAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsProvider.GetAsync(cancellationToken);
        var cutoff = timeProvider.GetUtcNow().AddMinutes(-settings.StaleExecutionMinutes);
        foreach (var executionId in await executions.FailStaleAsync(cutoff, cancellationToken))
        {
            LogStale(logger, executionId, settings.StaleExecutionMinutes);
            await errors.RecordAsync(new NewError(ErrorTypes.StaleExecution, Severities.High, string.Create(CultureInfo.InvariantCulture,
                $"execution {executionId} made no progress for {settings.StaleExecutionMinutes} minutes and was closed as failed; its checks may have been lost (a worker crash?)"))
            {
                ExecutionId = executionId,
                Platform = "system",
            }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} made no progress for {Minutes} minutes; closed as failed")]
    private static partial void LogStale(ILogger logger, Guid executionId, int minutes);
}
