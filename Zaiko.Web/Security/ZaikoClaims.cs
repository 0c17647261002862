using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Zaiko.Data.Users;

namespace Zaiko.Web.Security;

/// <summary>What a sign-in cookie says about its account: id, address, role and the security stamp it was issued under.</summary>
public static class ZaikoClaims
{
    public const string SecurityStamp = "zaiko:stamp";

    public static ClaimsPrincipal For(User user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.GivenName, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(SecurityStamp, user.SecurityStamp.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The name recorded as who did something: the signed-in address, or "anonymous".</summary>
    public static string Actor(ClaimsPrincipal principal) => principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";
}
