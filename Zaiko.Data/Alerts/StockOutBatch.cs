namespace Zaiko.Data.Alerts;

/// <summary>
/// Stock-outs after the cursor, and the stock_history id the cursor may move to: past every settled row
/// read, stock-out or not, so the next pass does not scan them again.
/// </summary>
public sealed record StockOutBatch(IReadOnlyList<StockOutEvent> StockOuts, long ReadUpTo);
