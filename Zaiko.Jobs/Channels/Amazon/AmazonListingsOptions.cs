using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels.Amazon;

/// <summary>
/// Section "Channels:Amazon": our seller listings on Amazon (Listings Items API 2021-08-01). The connector is
/// registered only when credentials are configured; they come from the environment (<c>Channels__Amazon__ClientId</c>,
/// <c>…__ClientSecret</c>, <c>…__RefreshToken</c>, <c>…__SellerId</c>), never from a file.
/// </summary>
public sealed class AmazonListingsOptions
{
    public const string Section = "Channels:Amazon";

    /// <summary>SP-API regional host (Far East for Japan); the sandbox replaces it in demo mode.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://sellingpartnerapi-fe.amazon.com";

    /// <summary>Login with Amazon, where refresh tokens are exchanged for 1-hour access tokens.</summary>
    [Required]
    [Url]
    public string TokenBaseUrl { get; set; } = "https://api.amazon.com";

    [Required]
    public string ClientId { get; init; } = "";

    [Required]
    public string ClientSecret { get; init; } = "";

    [Required]
    public string RefreshToken { get; init; } = "";

    /// <summary>Our merchant token, the <c>sellerId</c> in every listings path.</summary>
    [Required]
    public string SellerId { get; init; } = "";

    [Required]
    public string MarketplaceId { get; init; } = "A1VC38T7YXB528";

    /// <summary>
    /// patchListingsItem requires a product type; "PRODUCT" is Amazon's type for offer-only changes such as price
    /// and quantity, which need no product-specific attributes.
    /// </summary>
    [Required]
    public string ProductType { get; init; } = "PRODUCT";

    /// <summary>patchListingsItem: 5 per second, bursts of 5 (SP-API's published limit, per seller).</summary>
    [Range(0.01, 1000)]
    public double PatchPerSecond { get; init; } = 5;

    [Range(1, 1000)]
    public double PatchBurst { get; init; } = 5;

    /// <summary>getListingsItem: 5 per second, bursts of 10.</summary>
    [Range(0.01, 1000)]
    public double GetPerSecond { get; init; } = 5;

    [Range(1, 1000)]
    public double GetBurst { get; init; } = 10;

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();

    /// <summary>The seller authorisation whose token listings calls carry (a method, so binding never evaluates it).</summary>
    public LwaCredentials Credentials() => new(ClientId, ClientSecret, RefreshToken, new Uri(new Uri(TokenBaseUrl.TrimEnd('/') + "/"), "auth/o2/token"));
}
