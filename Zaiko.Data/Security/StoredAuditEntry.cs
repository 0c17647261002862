namespace Zaiko.Data.Security;

/// <summary>A row of security_audit_log as read back.</summary>
public sealed record StoredAuditEntry(long Id, DateTimeOffset OccurredAt, string Actor, string Action, string? Target, string? IpAddress, bool Success, string Details);
