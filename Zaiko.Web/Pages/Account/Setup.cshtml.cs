using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Security;
using Zaiko.Data.Users;
using Zaiko.Web.Security;

namespace Zaiko.Web.Pages.Account;

/// <summary>
/// Creates the first admin from the one-time link a web process logs while no account exists. Using the token and
/// creating the account are one transaction: a second use, or a race between two tabs, creates nobody else.
/// </summary>
public sealed class SetupModel(NpgsqlDataSource dataSource, SetupTokenStore tokens, UserStore users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool TokenValid { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => TokenValid = await tokens.IsValidAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AuditMiddleware.Describe(HttpContext, "setup_first_admin", actor: Input.Email?.Trim().ToLowerInvariant() ?? "", success: false);
        TokenValid = await tokens.IsValidAsync(Token, cancellationToken);
        if (!TokenValid || !ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "確認用パスワードが一致しません");
            return Page();
        }

        User admin;
        try
        {
            var email = UserEmail.Normalize(Input.Email);
            var hash = AccountService.HashChecked(Input.Password, email);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await tokens.TryRedeemAsync(connection, transaction, Token!, cancellationToken))
            {
                TokenValid = false;
                return Page();
            }

            admin = await users.CreateAsync(connection, transaction, email, Input.DisplayName ?? email, hash, UserRoles.Admin, "setup", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            ModelState.AddModelError(ex.Field == "email" ? "Input.Email" : "Input.Password", ex.Reason);
            return Page();
        }

        AuditMiddleware.Describe(HttpContext, "setup_first_admin", actor: admin.Email, success: true);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ZaikoClaims.For(admin));
        return Redirect("/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "メールアドレスを入力してください")]
        public string? Email { get; set; }

        [StringLength(100, ErrorMessage = "表示名は 100 文字以内にしてください")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "パスワードを入力してください")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        [Required(ErrorMessage = "確認用パスワードを入力してください")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }
}
