using Microsoft.Extensions.Configuration;

namespace Zaiko.Jobs.Outbound;

/// <summary>Whether a credentialed connector is configured at all, decided at composition.</summary>
public static class ConnectorSettings
{
    /// <summary>
    /// True when any of <paramref name="keys"/> is set in <paramref name="section"/>. Any, not all: a connector with a
    /// partial set is registered and then fails validation at start, instead of being silently left out.
    /// </summary>
    public static bool AnySet(IConfiguration section, params string[] keys) => keys.Any(key => !string.IsNullOrWhiteSpace(section[key]));
}
