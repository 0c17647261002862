using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Sources;

/// <summary>
/// What one check of a source listing showed. Only <see cref="Ended"/> and <see cref="Gone"/> are evidence
/// that the item can no longer be bought; every other failure means "unknown", never "out of stock".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceStatus>))]
public enum SourceStatus
{
    /// <summary>The listing is open and its data was read.</summary>
    Live,

    /// <summary>The listing has ended (sold, closed without a winner, or cancelled) and still shows its page.</summary>
    Ended,

    /// <summary>404/410 whose body does not show the item; a second check confirms it before stock is lowered.</summary>
    Gone,

    /// <summary>A captcha, bot wall or block page answered instead of the listing.</summary>
    Blocked,

    /// <summary>The page answered but could not be read safely: unknown layout, contradictory or mismatched data.</summary>
    LayoutChanged,

    /// <summary>A 5xx, 429 or other temporary failure; retry later.</summary>
    TransientError,
}
