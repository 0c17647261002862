using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>
/// Section "Sources:Amazon". Credentials come from the environment (<c>Sources__Amazon__ClientId</c>,
/// <c>…__ClientSecret</c>, <c>…__RefreshToken</c>) and are never committed; without all three there is no Amazon
/// connector. Rates default to SP-API's published usage plans; lower them when another tool shares the seller's quota.
/// </summary>
public sealed class AmazonOptions
{
    public const string Section = "Sources:Amazon";

    /// <summary>The Far East endpoint serves the Japan marketplace; the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string SpApiBaseUrl { get; set; } = "https://sellingpartnerapi-fe.amazon.com";

    /// <summary>Login with Amazon's token endpoint; the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string LwaTokenUrl { get; set; } = "https://api.amazon.com/auth/o2/token";

    /// <summary>Amazon.co.jp.</summary>
    [Required]
    [RegularExpression("^[A-Z0-9]{10,16}$")]
    public string MarketplaceId { get; init; } = "A1VC38T7YXB528";

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>Our own seller id; pricing checks of other sellers' offers do not need it.</summary>
    public string? SellerId { get; init; }

    /// <summary>getItemOffers (one ASIN, used for an on-demand check): 0.5 requests/s, burst 1.</summary>
    [Required]
    public AmazonOperationRate GetItemOffers { get; init; } = new() { RequestsPerSecond = 0.5, Burst = 1 };

    /// <summary>getItemOffersBatch (up to 20 ASINs per call, used by scheduled checks): 0.1 requests/s, burst 1.</summary>
    [Required]
    public AmazonOperationRate GetItemOffersBatch { get; init; } = new() { RequestsPerSecond = 0.1, Burst = 1 };

    /// <summary>getCompetitivePricing (up to 20 ASINs): 0.5 requests/s, burst 1.</summary>
    [Required]
    public AmazonOperationRate GetCompetitivePricing { get; init; } = new() { RequestsPerSecond = 0.5, Burst = 1 };

    /// <summary>
    /// At 0.1 batch calls per second a call may queue minutes for its cluster-wide slot, so the total timeout and
    /// the longest wait for a slot are longer than the defaults; the attempt timeout (one request) is not.
    /// </summary>
    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new() { TotalTimeoutSeconds = 600, MaxRateLimitWaitSeconds = 300 };

    public bool HasCredentials =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    /// <summary>The seller authorisation whose token SP-API calls carry (a method, so binding never evaluates it).</summary>
    public LwaCredentials Credentials() => new(ClientId ?? "", ClientSecret ?? "", RefreshToken ?? "", new Uri(LwaTokenUrl));
}
