namespace Zaiko.Data.Executions;

/// <summary>One run of a scheduled process (a row of inventory_execution_logs).</summary>
public sealed record Execution(
    long Id,
    Guid ExecutionId,
    string ProcessType,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset LastProgressAt,
    string? WorkerId,
    string TriggeredBy,
    int TotalCount,
    int ProcessedCount,
    int UpdatedCount,
    int ErrorCount,
    string Details);
