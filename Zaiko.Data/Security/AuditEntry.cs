using System.Net;

namespace Zaiko.Data.Security;

/// <summary>
/// One line of security_audit_log: who did what to which subject, from where, and whether it worked. Details are
/// JSON and never hold a password, a token or a form's contents.
/// </summary>
public sealed record AuditEntry(string Actor, string Action, bool Success)
{
    public string? Target { get; init; }

    public IPAddress? IpAddress { get; init; }

    public string DetailsJson { get; init; } = "{}";
}
