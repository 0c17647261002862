using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Channels;

/// <summary>
/// A sales channel (eBay, Amazon seller listings, Mercari Shops), serving the <c>listing_platforms.platform</c> of its
/// <see cref="IConnector.Platform"/>. Pushes set absolute values, so repeating one is harmless; every update asked for
/// yields exactly one result, in the same order. Expected failures (rejections, throttling, timeouts) are results, not
/// exceptions; only cancellation throws.
/// </summary>
public interface IChannelConnector : IConnector
{
    /// <summary>How many listings one push call carries at most (eBay: 25 per bulk_update_price_quantity).</summary>
    int BatchSize { get; }

    /// <summary>Sets quantity and/or price of each listing (a null value is left as it is on the channel).</summary>
    Task<IReadOnlyList<ChannelPushResult>> PushAsync(IReadOnlyList<ChannelUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Reads each listing's actual quantity and price back, for reconciliation.</summary>
    Task<IReadOnlyList<ChannelListingState>> ReadAsync(IReadOnlyList<ChannelListingRef> listings, CancellationToken cancellationToken);
}
