namespace Zaiko.Data;

/// <summary>
/// The prefixes of listing_platforms.hold_reason and price_hold_reason ("product_changed: the page now shows …").
/// The prefix says who lifts the hold: a person (product changed, price spike) or the next clean read (unverifiable).
/// </summary>
public static class HoldReasons
{
    /// <summary>A different product now sits at the source URL: every sync of the product waits for a person.</summary>
    public const string ProductChanged = "product_changed";

    /// <summary>Too many failed checks in a row: lifts itself once the source reads again.</summary>
    public const string Unverifiable = "unverifiable";

    /// <summary>The source price moved beyond the anomaly threshold: the price waits for a person, stock keeps syncing.</summary>
    public const string PriceSpike = "price_spike";

    public static string Of(string prefix, string detail) => prefix + ": " + detail;

    public static bool Is(string? reason, string prefix) =>
        reason is not null && reason.StartsWith(prefix, StringComparison.Ordinal)
        && (reason.Length == prefix.Length || reason[prefix.Length] == ':');
}
