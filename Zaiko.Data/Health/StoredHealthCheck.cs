namespace Zaiko.Data.Health;

public sealed record StoredHealthCheck(long Id, DateTimeOffset CheckedAt, string Component, string Status, double? LatencyMs, string Details);
