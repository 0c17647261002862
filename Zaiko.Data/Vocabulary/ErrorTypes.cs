namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for this column, named once for C#.</summary>
public static class ErrorTypes
{
    public const string UrlDead = "url_dead";
    public const string Blocked = "blocked";
    public const string LayoutChanged = "layout_changed";
    public const string ApiError = "api_error";
    public const string Timeout = "timeout";
    public const string Unverifiable = "unverifiable";
    public const string PriceSpike = "price_spike";
    public const string ProductChanged = "product_changed";
    public const string RateLimited = "rate_limited";
    public const string SyncFailed = "sync_failed";
    public const string StockOutChain = "stock_out_chain";
    public const string MultiSourceFailure = "multi_source_failure";
    public const string ScheduleOverrun = "schedule_overrun";
    public const string FxStale = "fx_stale";
    public const string HealthCheck = "health_check";
    public const string StaleExecution = "stale_execution";
    public const string Internal = "internal";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        UrlDead, Blocked, LayoutChanged, ApiError, Timeout, Unverifiable, PriceSpike, ProductChanged, RateLimited,
        SyncFailed, StockOutChain, MultiSourceFailure, ScheduleOverrun, FxStale, HealthCheck, StaleExecution, Internal,
    };
}
