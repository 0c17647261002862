namespace Zaiko.Data.Executions;

/// <summary>
/// The outcome of asking to start a process: <see cref="Started"/> is false when another execution of the
/// same type was already running, in which case this one was recorded as skipped.
/// </summary>
public sealed record ExecutionStart(Guid ExecutionId, bool Started, Guid? RunningExecutionId);
