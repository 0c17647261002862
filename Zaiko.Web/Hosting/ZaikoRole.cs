namespace Zaiko.Web.Hosting;

/// <summary>
/// What one process of Zaiko.Web does (DESIGN.md section 2): <c>all</c> serves the admin and runs jobs,
/// <c>web</c> serves the admin only, <c>worker</c> runs jobs and answers /health only.
/// </summary>
public enum ZaikoRole
{
    All,
    Web,
    Worker,
}

public static class ZaikoRoleExtensions
{
    public static bool ServesAdmin(this ZaikoRole role) => role is ZaikoRole.All or ZaikoRole.Web;

    public static bool RunsJobs(this ZaikoRole role) => role is ZaikoRole.All or ZaikoRole.Worker;

    public static string Name(this ZaikoRole role) => role.ToString().ToLowerInvariant();
}
