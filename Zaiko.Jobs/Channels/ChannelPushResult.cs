namespace Zaiko.Jobs.Channels;

/// <summary>
/// What the channel said about one update. When <see cref="Succeeded"/>, it accepted exactly the values sent.
/// <see cref="Retryable"/> separates "try again later" (throttling, 5xx, timeouts) from rejections that
/// need a person (unknown listing, invalid value); <see cref="Error"/> carries the channel's own words.
/// </summary>
public sealed record ChannelPushResult(long ListingId, bool Succeeded, bool Retryable, string? Error, string? ErrorCode)
{
    public static ChannelPushResult Accepted(long listingId) => new(listingId, true, false, null, null);
}
