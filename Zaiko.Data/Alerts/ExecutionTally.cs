namespace Zaiko.Data.Alerts;

/// <summary>The executions of one process type started in a period, by outcome, with their counters summed.</summary>
public sealed record ExecutionTally(
    string ProcessType,
    int Runs,
    int Completed,
    int Partial,
    int Failed,
    int Skipped,
    long Processed,
    long Updated,
    long Errors);
