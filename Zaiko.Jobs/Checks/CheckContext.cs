namespace Zaiko.Jobs.Checks;

/// <summary>Why a check runs: the run it belongs to (none for a delayed or on-demand check) and the history label.</summary>
public sealed record CheckContext(Guid? ExecutionId, string ChangeSource)
{
    public string Actor => ExecutionId is { } id ? $"{ChangeSource}:{id}" : ChangeSource;
}
