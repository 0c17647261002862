namespace Zaiko.Data.Alerts;

/// <summary>An alert whose send jobs are not enqueued yet, with the channels it goes to.</summary>
public sealed record PendingAlert(long Id, string[] Channels);
