using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Ebay;

/// <summary>
/// Section "Channels:Ebay". The connector is registered only when credentials are configured; they come from the
/// environment (<c>Channels__Ebay__ClientId</c>, <c>…__ClientSecret</c>, <c>…__RefreshToken</c>), never from a file.
/// </summary>
public sealed class EbayOptions
{
    public const string Section = "Channels:Ebay";

    /// <summary>REST API and OAuth host; the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.ebay.com";

    [Required]
    public string ClientId { get; init; } = "";

    [Required]
    public string ClientSecret { get; init; } = "";

    /// <summary>The seller's long-lived refresh token (user consent), exchanged for 2-hour access tokens.</summary>
    [Required]
    public string RefreshToken { get; init; } = "";

    [Required]
    public string Scope { get; init; } = "https://api.ebay.com/oauth/api_scope/sell.inventory";

    /// <summary>Inventory API calls per second across all workers.</summary>
    [Range(0.01, 1000)]
    public double RequestsPerSecond { get; init; } = 5;

    [Range(1, 1000)]
    public double Burst { get; init; } = 10;

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();
}
