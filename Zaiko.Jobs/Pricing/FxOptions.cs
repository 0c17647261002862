using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Pricing;

/// <summary>Section "Fx": where daily reference rates come from and how old a rate may be.</summary>
public sealed class FxOptions
{
    public const string Section = "Fx";
    public const string FeedPath = "/stats/eurofxref/eurofxref-daily.xml";

    /// <summary>The ECB's daily reference rates (per 1 EUR); the sandbox serves the same document in demo mode.</summary>
    [Required]
    [Url]
    public string FeedUrl { get; set; } = "https://www.ecb.europa.eu" + FeedPath;

    /// <summary>Currencies the feed must carry: JPY (what we buy in) and every listing currency.</summary>
    [Required]
    [MinLength(1)]
    public string[] Currencies { get; init; } = ["JPY", "USD"];

    /// <summary>A rate older than this holds price syncs (DESIGN.md section 6).</summary>
    [Range(1, 24 * 14)]
    public int MaxAgeHours { get; init; } = 48;

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();
}
