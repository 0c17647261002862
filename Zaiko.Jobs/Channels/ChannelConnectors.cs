namespace Zaiko.Jobs.Channels;

/// <summary>The configured channel connectors by platform. A channel without credentials has none.</summary>
public sealed class ChannelConnectors(IEnumerable<IChannelConnector> connectors)
{
    private readonly Dictionary<string, IChannelConnector> byPlatform = connectors.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    public IReadOnlyCollection<IChannelConnector> All => byPlatform.Values;

    public IChannelConnector? Find(string platform) => byPlatform.GetValueOrDefault(platform);
}
