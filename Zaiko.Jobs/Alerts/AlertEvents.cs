using System.Globalization;
using Zaiko.Data;
using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Turns what the dispatcher reads into alert events with their dedup keys: (type, product or offer) for an
/// error about a product, (type, execution) for a run-level error, (type, platform) for the rest, and
/// (stock-out, product) for a stock-out.
/// </summary>
public static class AlertEvents
{
    public static AlertEvent FromError(ErrorEvent error)
    {
        var (key, scope) = error switch
        {
            { ProductId: { } product } => (Key(error.ErrorType, "product", product), AlertScope.Subject),
            { InventoryId: { } offer } => (Key(error.ErrorType, "offer", offer), AlertScope.Subject),
            { ListingId: { } listing } => (Key(error.ErrorType, "listing", listing), AlertScope.Subject),
            { ExecutionId: { } execution } => ($"{error.ErrorType}:run:{execution}", AlertScope.Run),
            _ => ($"{error.ErrorType}:{error.Platform ?? "system"}", AlertScope.Subject),
        };
        return new AlertEvent(key, scope, AlertLevels.FromSeverity(error.Severity), error.ErrorType, error.Message, error.CreatedAt)
        {
            ErrorId = error.Id,
            ExecutionId = error.ExecutionId,
            ProductId = error.ProductId,
            ProductTitle = error.ProductTitle,
            Sku = error.Sku,
            Platform = error.Platform,
            SourceUrl = error.SourceUrl,
        };
    }

    public static AlertEvent FromStockOut(StockOutEvent stockOut) =>
        new(Key(AlertText.StockOutKind, "product", stockOut.ProductId), AlertScope.StockOut, AlertLevels.Info, AlertText.StockOutKind,
            AlertText.StockOutMessage(stockOut), stockOut.CreatedAt)
        {
            ExecutionId = stockOut.ExecutionId,
            ProductId = stockOut.ProductId,
            ProductTitle = stockOut.ProductTitle,
            Sku = stockOut.Sku,
            Platform = stockOut.SourcePlatform,
            SourceUrl = stockOut.SourceUrl,
        };

    private static string Key(string kind, string subject, long id) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{subject}:{id}");
}
