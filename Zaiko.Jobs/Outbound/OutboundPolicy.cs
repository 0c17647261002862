using System.Text.RegularExpressions;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Where one connector may send requests and what it accepts back. Host patterns are exact names or
/// contain one <c>*</c> standing for letters and digits (e.g. <c>page*.auctions.yahoo.co.jp</c>).
/// </summary>
public sealed class OutboundPolicy
{
    private readonly Regex[] hostPatterns;

    public OutboundPolicy(string source, IEnumerable<string> allowedHosts, IEnumerable<string> allowedContentTypes)
    {
        Source = source;
        AllowedHosts = allowedHosts.ToArray();
        AllowedContentTypes = allowedContentTypes.ToArray();
        hostPatterns = AllowedHosts
            .Select(host => new Regex("^" + Regex.Escape(host.ToLowerInvariant()).Replace(@"\*", "[a-z0-9]*", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant | RegexOptions.Compiled))
            .ToArray();
    }

    /// <summary>The source or channel name used for health, rate-limit keys and messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> AllowedHosts { get; }

    public IReadOnlyList<string> AllowedContentTypes { get; }

    public bool AllowsHost(string host) => hostPatterns.Any(pattern => pattern.IsMatch(host.ToLowerInvariant()));

    public bool AllowsContentType(string? mediaType) =>
        AllowedContentTypes.Count == 0
        || (mediaType is not null && AllowedContentTypes.Any(allowed => string.Equals(allowed, mediaType, StringComparison.OrdinalIgnoreCase)));
}
