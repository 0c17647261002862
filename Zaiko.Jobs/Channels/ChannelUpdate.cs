namespace Zaiko.Jobs.Channels;

/// <summary>
/// Absolute values to set on one listing. <see cref="Quantity"/> or <see cref="Price"/> may be null when
/// only the other changes (a held price is never sent). <see cref="Currency"/> is the listing's currency.
/// </summary>
public sealed record ChannelUpdate(ChannelListingRef Listing, int? Quantity, decimal? Price, string Currency);
