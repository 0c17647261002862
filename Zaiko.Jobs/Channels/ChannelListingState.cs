namespace Zaiko.Jobs.Channels;

/// <summary>A listing as the channel shows it now; <see cref="Found"/> false when the channel does not know it.</summary>
public sealed record ChannelListingState(long ListingId, bool Found, int? Quantity, decimal? Price, string? Currency, string? Error);
