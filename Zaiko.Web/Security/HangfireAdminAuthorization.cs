using Hangfire.Dashboard;
using Zaiko.Data;

namespace Zaiko.Web.Security;

/// <summary>
/// The dashboard's own check, behind the endpoint's Admin policy: the signed-in user must be an Admin. It reads the
/// user, never the caller's address — behind a proxy every request looks local.
/// </summary>
public sealed class HangfireAdminAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(UserRoles.Admin);
}
