using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zaiko.Web.Security;

namespace Zaiko.Web.Pages.Account;

public sealed class SignInModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AuditMiddleware.Describe(HttpContext, "sign_in", actor: Input.Email?.Trim().ToLowerInvariant() ?? "", success: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.SignInAsync(Input.Email, Input.Password, cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Refusal;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ZaikoClaims.For(outcome.User!),
            new AuthenticationProperties { IsPersistent = false });
        AuditMiddleware.Describe(HttpContext, "sign_in", actor: outcome.User!.Email, success: true);
        // Only a path of this site: a returnUrl pointing elsewhere would make the sign-in page an open redirect.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "メールアドレスを入力してください")]
        [Display(Name = "メールアドレス")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "パスワードを入力してください")]
        [Display(Name = "パスワード")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
