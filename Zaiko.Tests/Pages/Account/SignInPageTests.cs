using System.Net;
using Dapper;
using Microsoft.Playwright;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Security;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;
using Zaiko.Web.Security;

namespace Zaiko.Tests.Pages.Account;

/// <summary>Signing in, locking out and the first-admin link, in a real browser.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SignInPageTests(PostgresDatabase database) : IAsyncLifetime
{
    private BrowserSession browser = null!;
    private RunningApp app = null!;

    public async Task InitializeAsync()
    {
        browser = await BrowserSession.LaunchAsync();
        app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await browser.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_ReturnsToThePageAsked_AndShowsWhoIsSignedIn()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        await page.GotoAsync("/products?q=camera");
        Assert.Contains("/account/signin", page.Url);

        await new SignInPage(page).SignInAsync("staff@example.jp", ConsoleAccounts.Password);

        await page.WaitForURLAsync("**/products?q=camera");
        Assert.Contains("staff (スタッフ)", await page.GetByRole(AriaRole.Banner).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "ジョブ (Hangfire)" }).CountAsync());
    }

    [Fact]
    public async Task SignIn_SaysTheAccountIsLocked_AfterFiveWrongPasswords()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await signIn.SignInAsync("staff@example.jp", "wrong password " + i);
        }

        Assert.StartsWith("パスワードを 5 回続けて間違えたため", await signIn.Alert.InnerTextAsync());
        await signIn.SignInAsync("staff@example.jp", ConsoleAccounts.Password);
        Assert.Contains("ロックされています", await signIn.Alert.InnerTextAsync());
        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task SignIn_NamesTheMissingField()
    {
        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        await signIn.SignInAsync("", "");

        Assert.Equal("メールアドレスを入力してください", await page.GetByText("メールアドレスを入力してください").InnerTextAsync());
        Assert.Equal("パスワードを入力してください", await page.GetByText("パスワードを入力してください").InnerTextAsync());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await ConsoleAccounts.SignedInPageAsync(browser, app, UserRoles.Staff);

        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await page.WaitForURLAsync("**/account/signin");
        await page.GotoAsync("/");

        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task Staff_SeeAJapaneseNoPermissionPage_AtTheJobDashboard()
    {
        var page = await ConsoleAccounts.SignedInPageAsync(browser, app, UserRoles.Staff);

        var response = await page.GotoAsync("/hangfire");

        Assert.Equal(403, response!.Status);
        Assert.Equal("権限がありません", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task SetupLink_CreatesTheFirstAdmin_Once()
    {
        var token = await app.App.Services.GetRequiredService<SetupTokenStore>().IssueAsync(FirstAdminSetup.Lifetime, CancellationToken.None);
        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        await page.GotoAsync("/account/setup?token=" + token);

        await page.GetByLabel("メールアドレス").FillAsync("owner@example.jp");
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("a long enough passphrase");
        await page.GetByLabel("パスワード (確認)").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "管理者を作成してサインイン" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/setup", StringComparison.Ordinal));

        Assert.Contains("(管理者)", await page.GetByRole(AriaRole.Banner).InnerTextAsync());
        var again = await browser.NewPageAsync(app.Client.BaseAddress!);
        await again.GotoAsync("/account/setup?token=" + token);
        Assert.Contains("このセットアップ用リンクは無効です", await again.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Fact]
    public async Task SetupLink_RefusesAShortPassword_NamingTheRule()
    {
        var token = await app.App.Services.GetRequiredService<SetupTokenStore>().IssueAsync(FirstAdminSetup.Lifetime, CancellationToken.None);
        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        await page.GotoAsync("/account/setup?token=" + token);

        await page.GetByLabel("メールアドレス").FillAsync("owner@example.jp");
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("パスワード (確認)").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "管理者を作成してサインイン" }).ClickAsync();

        Assert.True(await page.GetByText("パスワードは 12 文字以上にしてください (現在 5 文字)").IsVisibleAsync());
    }

    [Fact]
    public async Task SetupLink_IsRefused_OnceExpired()
    {
        var token = await app.App.Services.GetRequiredService<SetupTokenStore>().IssueAsync(FirstAdminSetup.Lifetime, CancellationToken.None);
        await using (var connection = await app.App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE setup_tokens SET expires_at = now() - interval '1 minute'");
        }

        var page = await browser.NewPageAsync(app.Client.BaseAddress!);
        var response = await page.GotoAsync("/account/setup?token=" + token);

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Contains("このセットアップ用リンクは無効です", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "管理者を作成してサインイン" }).CountAsync());
    }
}
