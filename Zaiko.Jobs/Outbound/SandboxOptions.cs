using System.ComponentModel.DataAnnotations;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The local marketplace simulator (section "Sandbox"). When enabled, every connector's base URL points
/// at it and plain http to exactly its origin is allowed; nothing else private or loopback ever is.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; init; }

    [Required]
    [Url]
    public string BaseUrl { get; init; } = "http://127.0.0.1:5090";

    public Uri Origin => new(new Uri(BaseUrl).GetLeftPart(UriPartial.Authority));

    public bool IsSandboxOrigin(Uri uri) =>
        Enabled && Uri.Compare(uri, Origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
