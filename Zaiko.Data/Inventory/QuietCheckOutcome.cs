using Zaiko.Data.Executions;

namespace Zaiko.Data.Inventory;

/// <summary>Whether a quiet check was recorded in one statement, and the run's counters if it belongs to one.</summary>
public sealed record QuietCheckOutcome(bool Recorded, ExecutionProgress? Progress);
