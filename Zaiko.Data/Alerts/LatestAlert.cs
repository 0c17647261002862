namespace Zaiko.Data.Alerts;

/// <summary>The newest alert of a dedup key: when it was raised and how many repeats its cooldown has held back since.</summary>
public sealed record LatestAlert(string DedupKey, long Id, DateTimeOffset CreatedAt, int RepeatsSuppressed);
