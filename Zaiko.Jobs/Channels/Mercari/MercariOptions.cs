using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Mercari;

/// <summary>
/// Section "Channels:Mercari": Mercari Shops GraphQL. The connector is registered only when the shop's personal
/// access token is configured, from the environment (<c>Channels__Mercari__AccessToken</c>), never from a file.
/// </summary>
public sealed class MercariOptions
{
    public const string Section = "Channels:Mercari";

    /// <summary>API host; the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.mercari-shops.com";

    [Required]
    public string AccessToken { get; init; } = "";

    /// <summary>
    /// Mercari Shops requires <c>&lt;API_CLIENT_NAME&gt;/&lt;VERSION&gt;</c>, the name being the one Mercari assigns
    /// with the contract; requests without it are refused.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.\-]+/[0-9A-Za-z.\-+_]+$", ErrorMessage = "UserAgent must have the form Name/Version, e.g. Zaiko/1.0")]
    public string UserAgent { get; init; } = "Zaiko/1.0";

    /// <summary>GraphQL calls per second across all workers (Mercari publishes no figure; kept gentle).</summary>
    [Range(0.01, 1000)]
    public double RequestsPerSecond { get; init; } = 2;

    [Range(1, 1000)]
    public double Burst { get; init; } = 5;

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();
}
