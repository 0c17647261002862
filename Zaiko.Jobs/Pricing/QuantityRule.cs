namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Listing quantity from the source: stock minus the buffer, never negative, capped at the listing's maximum.
/// It drops to 0 only on positive evidence (ended, gone, sold out); anything less certain keeps what is there.
/// </summary>
public static class QuantityRule
{
    public static QuantityDecision Decide(int? sourceStock, SourceState state, int bufferStock, int? maxQuantity, int? currentDesiredQuantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bufferStock);
        if (sourceStock < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceStock), sourceStock, "stock cannot be negative");
        }

        if (maxQuantity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxQuantity), maxQuantity, "a maximum quantity cannot be negative");
        }

        switch (state)
        {
            case SourceState.Ended:
                return new QuantityDecision(0, false, "source ended: quantity 0");
            case SourceState.Gone:
                return new QuantityDecision(0, false, "source confirmed gone: quantity 0");
            case SourceState.Unverifiable:
                return Hold("source unverifiable", currentDesiredQuantity);
            case SourceState.Unknown:
                return Hold("source state unknown", currentDesiredQuantity);
            case SourceState.Live:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "not a source state");
        }

        if (sourceStock is not { } stock)
        {
            return Hold("source stock unknown", currentDesiredQuantity);
        }

        var available = stock - bufferStock;
        var reason = $"source stock {stock} - buffer {bufferStock} = {available}";
        if (available < 0)
        {
            return new QuantityDecision(0, false, reason + ", never below 0: quantity 0");
        }

        if (available > maxQuantity)
        {
            return new QuantityDecision(maxQuantity, false, $"{reason}, capped at max quantity {maxQuantity}");
        }

        return new QuantityDecision(available, false, reason);
    }

    private static QuantityDecision Hold(string why, int? current) =>
        new(current, true, current is { } quantity ? $"{why}: quantity held at {quantity}" : $"{why}: quantity held (none set yet)");
}
