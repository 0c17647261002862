namespace Zaiko.Data.Alerts;

/// <summary>An alert whose send jobs are not enqueued yet, with the channels it goes to (comma-separated as stored).</summary>
public sealed record PendingAlert(long Id, string ChannelList)
{
    public IReadOnlyList<string> Channels => ChannelList.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
