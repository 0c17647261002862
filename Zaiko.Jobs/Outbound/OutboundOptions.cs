using System.ComponentModel.DataAnnotations;

namespace Zaiko.Jobs.Outbound;

/// <summary>Rules for every request Zaiko sends to a marketplace (section "Outbound").</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    [Required]
    [StringLength(200, MinimumLength = 3)]
    public string UserAgent { get; init; } = "Zaiko/1.0 (inventory sync)";

    /// <summary>Responses larger than this are refused: no marketplace page or API answer is that big.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxResponseBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Same-host redirects followed before giving up; a redirect to another host is always refused.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; init; } = 3;
}
