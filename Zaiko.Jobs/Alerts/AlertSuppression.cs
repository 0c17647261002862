namespace Zaiko.Jobs.Alerts;

/// <summary>Repeats of a key held back by the cooldown of its latest alert (<see cref="AlertId"/>), counted for the next one.</summary>
public sealed record AlertSuppression(long AlertId, string DedupKey, string Level, string Subject, int Count, IReadOnlyList<string> Channels);
