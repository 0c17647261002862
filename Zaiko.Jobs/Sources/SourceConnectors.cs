namespace Zaiko.Jobs.Sources;

/// <summary>The configured source connectors by platform. A platform without one (no credentials) has none.</summary>
public sealed class SourceConnectors(IEnumerable<ISourceConnector> connectors)
{
    private readonly Dictionary<string, ISourceConnector> byPlatform = connectors.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    public IReadOnlyCollection<ISourceConnector> All => byPlatform.Values;

    public ISourceConnector? Find(string platform) => byPlatform.GetValueOrDefault(platform);
}
