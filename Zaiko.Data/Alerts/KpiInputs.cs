namespace Zaiko.Data.Alerts;

/// <summary>
/// The raw figures of a period the KPIs are computed from: health checks of the database and Hangfire (and
/// how many were ok), reconcile runs' checked and matching listings, the sources' mean latency, and the
/// errors and processed items of the check runs.
/// </summary>
public sealed record KpiInputs(
    long HealthChecks,
    long HealthChecksOk,
    long ReconcileChecked,
    long ReconcileMatching,
    double? AverageSourceLatencyMs,
    long CheckErrors,
    long CheckProcessed);
