namespace Zaiko.Jobs.Channels;

/// <summary>
/// Why a call to a channel gave no usable answer, in the channel's own words where it gave any, and whether
/// trying again later may help (throttling, 5xx, timeouts) or a person must act (rejections, bad shape).
/// </summary>
public sealed record ChannelFailure(string Error, string? ErrorCode, bool Retryable)
{
    public ChannelPushResult ToResult(long listingId) => new(listingId, false, Retryable, Error, ErrorCode);

    /// <summary>A read that failed: not found cannot be concluded, so the state carries the error instead.</summary>
    public ChannelListingState ToState(long listingId) => new(listingId, false, null, null, null, Error);

    public static ChannelFailure Rejected(string error, string? errorCode = null) => new(error, errorCode, false);
}
