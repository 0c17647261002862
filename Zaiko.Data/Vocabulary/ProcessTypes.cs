namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ProcessTypes
{
    public const string StockCheck = "stock-check";
    public const string PriceCheck = "price-check";
    public const string FullValidation = "full-validation";
    public const string HealthCheck = "health-check";
    public const string Cleanup = "cleanup";
    public const string DailySummary = "daily-summary";
    public const string PartitionMaintenance = "partition-maintenance";
    public const string Backup = "backup";
    public const string Reconcile = "reconcile";
    public const string SyncSweep = "sync-sweep";
    public const string FxUpdate = "fx-update";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        StockCheck, PriceCheck, FullValidation, HealthCheck, Cleanup, DailySummary, PartitionMaintenance,
        Backup, Reconcile, SyncSweep, FxUpdate,
    };
}
