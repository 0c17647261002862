using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Zaiko.Data.Users;

namespace Zaiko.Web.Security;

/// <summary>
/// Checks every signed-in request against the account: a cookie issued before the account was disabled, given
/// another role or a new password (each changes the security stamp) no longer signs anyone in.
/// </summary>
public sealed class SessionValidator(UserStore users)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal is null ? null : ZaikoClaims.UserId(principal);
        var stamp = principal?.FindFirst(ZaikoClaims.SecurityStamp)?.Value;
        var session = id is { } userId ? await users.GetSessionAsync(userId, context.HttpContext.RequestAborted) : null;
        if (session is null || session.Disabled || !Guid.TryParse(stamp, out var issued) || issued != session.SecurityStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
