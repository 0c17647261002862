namespace Zaiko.Jobs.Outbound;

/// <summary>What every marketplace connector, source or channel, is known by.</summary>
public interface IConnector
{
    /// <summary>The platform it serves: a <c>source_platform</c> for a source, a <c>listing_platforms.platform</c> for a channel.</summary>
    string Platform { get; }
}
