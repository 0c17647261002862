using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// A JST day's figures and the KPIs computed from them against the original plan's targets: uptime ≥ 99.5 %,
/// sync accuracy ≥ 99.0 %, average response time ≤ 3.0 s, error rate ≤ 5.0 %.
/// </summary>
public sealed record DailySummaryReport(DateOnly Day, DaySummary Figures, IReadOnlyList<KpiResult> Kpis)
{
    public const double UptimeTargetPct = 99.5;
    public const double SyncAccuracyTargetPct = 99.0;
    public const double ResponseTimeTargetSeconds = 3.0;
    public const double ErrorRateTargetPct = 5.0;

    /// <summary>Executions that finished (completed, partial or failed); skipped and running ones are not outcomes.</summary>
    public int FinishedRuns => Figures.Executions.Sum(e => e.Completed + e.Partial + e.Failed);

    public int CompletedRuns => Figures.Executions.Sum(e => e.Completed);

    /// <summary>Completed executions per finished one, in percent; null without any.</summary>
    public double? SuccessRatePct => FinishedRuns == 0 ? null : 100.0 * CompletedRuns / FinishedRuns;

    public static DailySummaryReport Create(DateOnly day, DaySummary figures)
    {
        var inputs = figures.Kpis;
        KpiResult[] kpis =
        [
            new("稼働率", Percent(inputs.HealthChecksOk, inputs.HealthChecks), "%", "0.00", UptimeTargetPct, AtLeast: true),
            new("同期精度", Percent(inputs.ReconcileMatching, inputs.ReconcileChecked), "%", "0.00", SyncAccuracyTargetPct, AtLeast: true),
            new("平均応答時間", inputs.AverageSourceLatencyMs / 1000.0, "秒", "0.00", ResponseTimeTargetSeconds, AtLeast: false),
            new("エラー率", Percent(inputs.CheckErrors, inputs.CheckProcessed), "%", "0.00", ErrorRateTargetPct, AtLeast: false),
        ];
        return new DailySummaryReport(day, figures, kpis);
    }

    private static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;
}
