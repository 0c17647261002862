namespace Zaiko.Data.Alerts;

/// <summary>
/// What the daily summary reports for a period: executions by type, stock and price changes, the most
/// frequent errors, listings held for review (as they are now, not as they were) and the KPI inputs.
/// </summary>
public sealed record DaySummary(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ExecutionTally> Executions,
    ChangeTally Changes,
    long ErrorCount,
    IReadOnlyList<ErrorTypeTally> TopErrors,
    long HeldListingCount,
    long HeldProductCount,
    IReadOnlyList<HeldListing> HeldListings,
    KpiInputs Kpis);
