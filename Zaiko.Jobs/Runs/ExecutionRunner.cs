using System.Text.Json;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Executions;

namespace Zaiko.Jobs.Runs;

/// <summary>
/// The one way a job runs as an execution: start it (a concurrent run of the same type is recorded as skipped and
/// the body does not run), run the body, and close the execution with the body's outcome — or as failed, with the
/// reason, when the body throws or is cancelled, so a job never leaves its execution running and the process
/// type locked until the stale-run sweep. Every execution names its worker the same way (<see cref="WorkerId"/>).
/// </summary>
public sealed partial class ExecutionRunner(ExecutionStore executions, ILogger<ExecutionRunner> logger)
{
    /// <summary>host:pid, as Hangfire names its servers, so a run can be traced to the process that ran it.</summary>
    public static string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <param name="triggeredBy">Who started the run: "hangfire" for the schedule, a person's name for a manual start.</param>
    /// <param name="body">The run's work; it gets the execution id and returns how the run ends.</param>
    /// <returns>The start: <see cref="ExecutionStart.Started"/> false when the run was skipped.</returns>
    public async Task<ExecutionStart> RunAsync(string processType, string triggeredBy, Func<Guid, CancellationToken, Task<RunOutcome>> body,
        CancellationToken cancellationToken)
    {
        var start = await executions.TryStartAsync(processType, WorkerId, triggeredBy, cancellationToken);
        if (!start.Started)
        {
            LogSkipped(logger, processType, start.RunningExecutionId);
            return start;
        }

        RunOutcome outcome;
        try
        {
            outcome = await body(start.ExecutionId, cancellationToken);
        }
        catch (Exception ex)
        {
            var failure = ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? $"{processType} was cancelled before it finished (the server shut down or the job was deleted)"
                : $"{processType} failed: {ex.Message}";
            LogFailed(logger, ex, processType, start.ExecutionId, failure);
            // Closing must not depend on the token that may have just cancelled the run.
            await executions.FinishAsync(start.ExecutionId, ExecutionStatuses.Failed, JsonSerializer.Serialize(new { failure }), CancellationToken.None);
            throw;
        }

        if (outcome.Status is { } status)
        {
            await executions.FinishAsync(start.ExecutionId, status, outcome.DetailsJson, CancellationToken.None);
        }

        return start;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ProcessType} skipped: execution {RunningExecutionId} of the same type is still running")]
    private static partial void LogSkipped(ILogger logger, string processType, Guid? runningExecutionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ProcessType} {ExecutionId} closed as failed: {Failure}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string processType, Guid executionId, string failure);
}
