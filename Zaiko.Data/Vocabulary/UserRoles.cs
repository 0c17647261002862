namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for users.role, named once for C# (they are also the authorization roles).</summary>
public static class UserRoles
{
    /// <summary>Everything, including settings, users and the Hangfire dashboard.</summary>
    public const string Admin = "Admin";

    /// <summary>Products, listings, the review queue and errors.</summary>
    public const string Staff = "Staff";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Admin, Staff };

    /// <summary>The role as stored, from what a person typed ("admin", "Staff"): null when it is neither.</summary>
    public static string? Parse(string? value) => All.FirstOrDefault(role => string.Equals(role, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
