namespace Zaiko.Data;

/// <summary>
/// The Japanese names staff read for the stored vocabulary — statuses, process types, error types, platforms — one
/// home for pages, mails and chat alerts alike. An unknown value is shown as stored rather than hidden.
/// </summary>
public static class Japanese
{
    private static readonly Dictionary<string, string> ProcessTypes = new(StringComparer.Ordinal)
    {
        [Data.ProcessTypes.StockCheck] = "在庫チェック",
        [Data.ProcessTypes.PriceCheck] = "価格チェック",
        [Data.ProcessTypes.FullValidation] = "全件検証",
        [Data.ProcessTypes.HealthCheck] = "ヘルスチェック",
        [Data.ProcessTypes.Cleanup] = "クリーンアップ",
        [Data.ProcessTypes.DailySummary] = "日次サマリー",
        [Data.ProcessTypes.PartitionMaintenance] = "パーティション管理",
        [Data.ProcessTypes.Backup] = "バックアップ",
        [Data.ProcessTypes.Reconcile] = "突合",
        [Data.ProcessTypes.SyncSweep] = "同期スイープ",
        [Data.ProcessTypes.FxUpdate] = "為替更新",
    };

    private static readonly Dictionary<string, string> ErrorTypes = new(StringComparer.Ordinal)
    {
        [Data.ErrorTypes.UrlDead] = "出品ページ消失",
        [Data.ErrorTypes.Blocked] = "アクセス遮断",
        [Data.ErrorTypes.LayoutChanged] = "レイアウト変更",
        [Data.ErrorTypes.ApiError] = "APIエラー",
        [Data.ErrorTypes.Timeout] = "タイムアウト",
        [Data.ErrorTypes.Unverifiable] = "確認不能",
        [Data.ErrorTypes.PriceSpike] = "価格急変",
        [Data.ErrorTypes.ProductChanged] = "商品すり替わり",
        [Data.ErrorTypes.RateLimited] = "レート制限",
        [Data.ErrorTypes.SyncFailed] = "同期失敗",
        [Data.ErrorTypes.StockOutChain] = "在庫切れ連鎖",
        [Data.ErrorTypes.MultiSourceFailure] = "複数ソース障害",
        [Data.ErrorTypes.ScheduleOverrun] = "スケジュール超過",
        [Data.ErrorTypes.FxStale] = "為替レート期限切れ",
        [Data.ErrorTypes.HealthCheck] = "ヘルスチェック異常",
        [Data.ErrorTypes.StaleExecution] = "実行停止",
        [Data.ErrorTypes.Internal] = "内部エラー",
    };

    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        [SourcePlatforms.Yahoo] = "ヤフオク!",
        [SourcePlatforms.Amazon] = "Amazon",
        [ChannelPlatforms.Ebay] = "eBay",
        [ChannelPlatforms.Mercari] = "メルカリShops",
        ["fx"] = "為替",
        ["system"] = "システム",
    };

    private static readonly Dictionary<string, string> Severities = new(StringComparer.Ordinal)
    {
        [Data.Severities.Low] = "低",
        [Data.Severities.Medium] = "中",
        [Data.Severities.High] = "高",
        [Data.Severities.Critical] = "重大",
    };

    private static readonly Dictionary<string, string> ExecutionStatuses = new(StringComparer.Ordinal)
    {
        [Data.ExecutionStatuses.Running] = "実行中",
        [Data.ExecutionStatuses.Completed] = "完了",
        [Data.ExecutionStatuses.Partial] = "一部失敗",
        [Data.ExecutionStatuses.Failed] = "失敗",
        [Data.ExecutionStatuses.Skipped] = "スキップ",
    };

    private static readonly Dictionary<string, string> UrlStatuses = new(StringComparer.Ordinal)
    {
        [Data.UrlStatuses.Active] = "出品中",
        [Data.UrlStatuses.Ended] = "終了",
        [Data.UrlStatuses.Dead] = "削除済み",
        [Data.UrlStatuses.Changed] = "別商品に変化",
        [Data.UrlStatuses.Blocked] = "アクセス遮断",
        [Data.UrlStatuses.Unverifiable] = "確認不能",
    };

    private static readonly Dictionary<string, string> SyncStates = new(StringComparer.Ordinal)
    {
        [Data.SyncStates.Idle] = "同期済み",
        [Data.SyncStates.Pending] = "送信待ち",
        [Data.SyncStates.Syncing] = "送信中",
        [Data.SyncStates.Held] = "保留",
        [Data.SyncStates.Failed] = "送信失敗",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        [UserRoles.Admin] = "管理者",
        [UserRoles.Staff] = "スタッフ",
    };

    public static string ProcessType(string value) => ProcessTypes.GetValueOrDefault(value, value);

    public static string ErrorType(string value) => ErrorTypes.GetValueOrDefault(value, value);

    public static string Platform(string? value) => value is null ? "" : Platforms.GetValueOrDefault(value, value);

    public static string Severity(string value) => Severities.GetValueOrDefault(value, value);

    public static string ExecutionStatus(string value) => ExecutionStatuses.GetValueOrDefault(value, value);

    public static string UrlStatus(string value) => UrlStatuses.GetValueOrDefault(value, value);

    public static string SyncState(string value) => SyncStates.GetValueOrDefault(value, value);

    public static string Role(string value) => Roles.GetValueOrDefault(value, value);
}
