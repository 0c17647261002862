namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The configured connectors of one kind (<c>ISourceConnector</c>, <c>IChannelConnector</c>) by platform. A platform
/// whose connector needs credentials that are not configured has none.
/// </summary>
public sealed class ConnectorRegistry<TConnector>(IEnumerable<TConnector> connectors)
    where TConnector : class, IConnector
{
    private readonly Dictionary<string, TConnector> byPlatform = connectors.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    public IReadOnlyCollection<TConnector> All => byPlatform.Values;

    public TConnector? Find(string platform) => byPlatform.GetValueOrDefault(platform);
}
