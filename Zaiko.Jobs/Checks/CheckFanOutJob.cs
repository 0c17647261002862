using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Transactions;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Jobs.Runs;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Sources;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Starts a check run (stock-check, price-check, full-validation): opens the execution — the partial unique
/// index makes a second concurrent run record itself as skipped — then walks the monitored offers page by
/// page (never all in memory, never one long transaction) and enqueues one check job per Yahoo! offer and
/// one batch job per 20 Amazon ASINs, several hundred jobs per database transaction.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 0)]
public sealed partial class CheckFanOutJob(
    ExecutionStore executions,
    ExecutionRunner runner,
    InventoryStore inventory,
    ErrorStore errors,
    ConnectorRegistry<ISourceConnector> connectors,
    IBackgroundJobClient jobs,
    JobStorage storage,
    RunCloser runCloser,
    TimeProvider timeProvider,
    ILogger<CheckFanOutJob> logger)
{
    public static readonly IReadOnlySet<string> ProcessTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        Data.ProcessTypes.StockCheck, Data.ProcessTypes.PriceCheck, Data.ProcessTypes.FullValidation,
    };

    private const int JobsPerTransaction = 500;
    private const int EnqueueConcurrency = 4;
    // One page feeds every concurrent transaction.
    private const int PageSize = JobsPerTransaction * EnqueueConcurrency;
    private static readonly TimeSpan ScheduleFrom = TimeSpan.FromSeconds(10);

    [DisplayName("一斉チェック {0}")]
    public async Task RunAsync(string processType, CancellationToken cancellationToken)
    {
        if (!ProcessTypes.Contains(processType))
        {
            throw new ArgumentException($"'{processType}' is not a check run; use one of {string.Join(", ", ProcessTypes)}", nameof(processType));
        }

        await runner.RunAsync(processType, "hangfire", (executionId, token) => FanOutAsync(processType, executionId, token), cancellationToken);
    }

    /// <summary>Enqueues the run's checks; the run goes on in them, and the last one closes it.</summary>
    private async Task<RunOutcome> FanOutAsync(string processType, Guid executionId, CancellationToken cancellationToken)
    {
        await WarnIfScheduleCannotBeMetAsync(processType, executionId, cancellationToken);
        var checks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var connector in connectors.All)
        {
            checks[connector.Platform] = await EnqueueAsync(connector, processType, executionId, cancellationToken);
        }

        await ReportUncheckablePlatformsAsync(executionId, cancellationToken);
        var total = checks.Values.Sum();
        var details = JsonSerializer.Serialize(new { checks });
        var progress = await executions.CompleteFanOutAsync(executionId, total, details, cancellationToken);
        LogFannedOut(logger, processType, executionId, total, details);
        if (progress?.IsComplete == true)
        {
            await runCloser.TryCloseAsync(executionId, cancellationToken);
        }

        return RunOutcome.ContinuesInItsJobs;
    }

    private async Task<int> EnqueueAsync(ISourceConnector connector, string processType, Guid executionId, CancellationToken cancellationToken)
    {
        var includeFinished = processType == Data.ProcessTypes.FullValidation;
        var runStart = timeProvider.GetUtcNow();
        var enqueued = 0;
        var pending = new List<OfferRef>();
        var afterId = 0L;
        while (true)
        {
            var page = await inventory.ListMonitoredAsync(connector.Platform, includeFinished, afterId, PageSize, cancellationToken);
            pending.AddRange(page);
            var last = page.Count < PageSize;
            // Whole batches go out now; a partial batch waits for the next page unless this was the last one.
            var ready = last ? pending.Count : pending.Count - pending.Count % connector.BatchSize;
            enqueued += Enqueue(connector, pending.GetRange(0, ready), enqueued / connector.BatchSize, runStart, processType, executionId);
            pending.RemoveRange(0, ready);
            if (last)
            {
                return enqueued;
            }

            afterId = page[^1].Id;
            LogFanOutProgress(logger, processType, connector.Platform, enqueued);
        }
    }

    /// <param name="firstRequest">How many requests of this source the run has already enqueued.</param>
    private int Enqueue(ISourceConnector connector, List<OfferRef> offers, int firstRequest, DateTimeOffset runStart, string processType, Guid executionId)
    {
        var batches = offers.Chunk(connector.BatchSize).Select((batch, i) => (Batch: batch, Request: firstRequest + i)).ToArray();

        // Hangfire.PostgreSql enlists in the ambient transaction: hundreds of jobs per commit instead of one each.
        // Several transactions at a time: the fan-out competes for the CPU with the checks it has already enqueued,
        // and with two it fell behind its 500 jobs/s target once checks got cheaper.
        Parallel.ForEach(batches.Chunk(JobsPerTransaction), new ParallelOptions { MaxDegreeOfParallelism = EnqueueConcurrency }, group =>
        {
            using var scope = new TransactionScope(TransactionScopeOption.Required,
                new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted }, TransactionScopeAsyncFlowOption.Enabled);
            foreach (var (batch, request) in group)
            {
                var state = StateFor(request, connector.RequestsPerSecond, runStart);
                if (connector.BatchSize == 1)
                {
                    var offer = batch[0];
                    var label = ProductCheckJob.Label(offer.SourceProductId, offer.Sku);
                    jobs.Create<ProductCheckJob>(job => job.RunAsync(offer.Id, executionId, processType, label, CancellationToken.None), state);
                }
                else
                {
                    var ids = batch.Select(o => o.Id).ToArray();
                    var label = BatchCheckJob.Label(connector.Platform, batch.Select(o => o.SourceProductId).ToArray());
                    jobs.Create<BatchCheckJob>(job => job.RunAsync(ids, executionId, processType, label, CancellationToken.None), state);
                }
            }

            scope.Complete();
        });

        return offers.Count;
    }

    /// <summary>
    /// Checks are enqueued when their source could serve them now, and scheduled for when it could otherwise:
    /// request n of a source limited to r per second is due n / r seconds after the start. A job that would only
    /// wait for its rate-limit slot would hold a worker that another source's checks could use (an Amazon batch
    /// waits 10 s per call; 30,000 Yahoo! pages take 8 hours).
    /// </summary>
    internal static IState StateFor(int request, double requestsPerSecond, DateTimeOffset runStart)
    {
        var due = TimeSpan.FromSeconds(request / requestsPerSecond);
        return due < ScheduleFrom ? new EnqueuedState(JobQueues.Checks) : new ScheduledState((runStart + due).UtcDateTime);
    }

    /// <summary>
    /// Logs how long the run takes at the configured rate limits and, when that is longer than the time to
    /// the next run of the same schedule, records a warning: the seller must learn the schedule cannot be met.
    /// </summary>
    private async Task WarnIfScheduleCannotBeMetAsync(string processType, Guid executionId, CancellationToken cancellationToken)
    {
        var sources = new List<(string, long, int, double)>();
        foreach (var connector in connectors.All)
        {
            sources.Add((connector.Platform, await inventory.CountMonitoredAsync(connector.Platform, cancellationToken), connector.BatchSize, connector.RequestsPerSecond));
        }

        var estimate = RunEstimate.Of(sources);
        LogEstimate(logger, processType, estimate.Expected.TotalHours, estimate.Summary);
        var now = timeProvider.GetUtcNow();
        var next = NextRun(processType);
        if (estimate.Overruns(now, next))
        {
            await errors.RecordAsync(new NewError(ErrorTypes.ScheduleOverrun, Severities.Medium, string.Create(CultureInfo.InvariantCulture,
                $"{processType} needs about {estimate.Expected.TotalHours:0.0} h at the configured rate limits ({estimate.Summary}), but the next run starts in {(next!.Value - now).TotalHours:0.0} h: the schedule cannot be met. Check less often, raise the rate limit, or monitor fewer offers."))
            {
                ExecutionId = executionId,
                Platform = "system",
            }, cancellationToken);
        }
    }

    private DateTimeOffset? NextRun(string processType)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs([processType]).FirstOrDefault()?.NextExecution is { } next
            ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc))
            : null;
    }

    private async Task ReportUncheckablePlatformsAsync(Guid executionId, CancellationToken cancellationToken)
    {
        foreach (var platform in SourcePlatforms.All.Where(p => connectors.Find(p) is null))
        {
            var count = await inventory.CountMonitoredAsync(platform, cancellationToken);
            if (count > 0)
            {
                await errors.RecordAsync(new NewError(ErrorTypes.ApiError, Severities.High,
                    $"{count} monitored {platform} offers were not checked: no {platform} connector is configured (credentials missing)")
                {
                    ExecutionId = executionId,
                    Platform = platform,
                }, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ProcessType} expected to take {Hours:0.00} h at the configured rate limits ({Summary})")]
    private static partial void LogEstimate(ILogger logger, string processType, double hours, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ProcessType}: {Platform} {Enqueued} checks enqueued so far")]
    private static partial void LogFanOutProgress(ILogger logger, string processType, string platform, int enqueued);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ProcessType} {ExecutionId}: {Total} checks enqueued {Details}")]
    private static partial void LogFannedOut(ILogger logger, string processType, Guid executionId, int total, string details);
}
