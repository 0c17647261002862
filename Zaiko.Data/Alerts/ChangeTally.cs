namespace Zaiko.Data.Alerts;

/// <summary>
/// stock_history rows of a period: stock changes and price changes (a row of change type 'both' counts in
/// each), status-only changes, and stock-outs (stock from positive to zero).
/// </summary>
public sealed record ChangeTally(long StockChanges, long PriceChanges, long StatusChanges, long StockOuts);
