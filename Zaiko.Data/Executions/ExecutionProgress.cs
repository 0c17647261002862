namespace Zaiko.Data.Executions;

/// <summary>An execution's counters right after a check reported; <see cref="IsComplete"/> says the run may close.</summary>
public sealed record ExecutionProgress(int ProcessedCount, int TotalCount, bool FanOutCompleted)
{
    public bool IsComplete => FanOutCompleted && ProcessedCount >= TotalCount;
}
