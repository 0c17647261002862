using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>Section "Sources:Yahoo".</summary>
public sealed class YahooOptions
{
    public const string Section = "Sources:Yahoo";

    /// <summary>Where item pages are fetched from; the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://auctions.yahoo.co.jp";

    /// <summary>Page requests per second across all workers (Yahoo! blocks aggressive scrapers).</summary>
    [Range(0.01, 100_000)]
    public double RequestsPerSecond { get; init; } = 1;

    [Range(1, 100_000)]
    public double Burst { get; init; } = 2;

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();
}
