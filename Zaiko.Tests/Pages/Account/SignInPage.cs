using Microsoft.Playwright;

namespace Zaiko.Tests.Pages.Account;

/// <summary>The sign-in page, found by its labels and roles as a person finds it.</summary>
public sealed class SignInPage(IPage page)
{
    public Task<IResponse?> GotoAsync(string? returnUrl = null) =>
        page.GotoAsync(returnUrl is null ? "/account/signin" : "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
    }

    /// <summary>The visible alert (hidden, empty validation summaries are not in the accessibility tree).</summary>
    public ILocator Alert => page.GetByRole(AriaRole.Alert).First;
}
