using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zaiko.Web.Security;

namespace Zaiko.Web.Pages.Account;

/// <summary>Signing out is a POST (a link could be triggered by another site); a GET offers the button.</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        AuditMiddleware.Describe(HttpContext, "sign_out");
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/account/signin");
    }
}
