namespace Zaiko.Data.Alerts;

/// <summary>The last inventory_errors id and the last stock_history id the alert dispatcher has read.</summary>
public sealed record AlertCursors(long LastErrorId, long LastStockOutId);
