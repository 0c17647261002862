namespace Zaiko.Jobs.Channels;

/// <summary>A channel's HTTP answer (status and body), or the failure that left none.</summary>
internal sealed record ChannelReply(int Status, string Body, ChannelFailure? Failure)
{
    public bool IsSuccess => Failure is null && Status is >= 200 and < 300;
}
