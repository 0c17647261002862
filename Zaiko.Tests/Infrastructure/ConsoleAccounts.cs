using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zaiko.Data;
using Zaiko.Data.Users;
using Zaiko.Tests.Pages.Account;
using Zaiko.Web.Security;

namespace Zaiko.Tests.Infrastructure;

/// <summary>Console accounts for tests, and sessions signed in through the real sign-in form (in a browser or over HTTP).</summary>
public static partial class ConsoleAccounts
{
    public const string Password = "correct horse battery 42";
    public const string AdminEmail = "admin@example.jp";
    public const string StaffEmail = "staff@example.jp";

    public static Task<User> CreateAsync(RunningApp app, string email, string role) =>
        app.App.Services.GetRequiredService<AccountService>().CreateAsync(email, email.Split('@')[0], Password, role, "test", CancellationToken.None);

    /// <summary>A browser page signed in as a new account of <paramref name="role"/> (admin@… or staff@…).</summary>
    public static async Task<IPage> SignedInPageAsync(BrowserSession browser, RunningApp app, string role = UserRoles.Admin,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var email = role == UserRoles.Admin ? AdminEmail : StaffEmail;
        await CreateAsync(app, email, role);
        var page = await browser.NewPageAsync(app.Client.BaseAddress!, test);
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(email, Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A client signed in as a new account of <paramref name="role"/> with an address of its own (for databases tests share).</summary>
    public static async Task<HttpClient> NewSignedInClientAsync(RunningApp app, string role = UserRoles.Admin)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        await CreateAsync(app, email, role);
        return await SignedInClientAsync(app, email);
    }

    /// <summary>An HTTP client with its own cookies, signed in through the form; redirects are not followed so tests see them.</summary>
    public static async Task<HttpClient> SignedInClientAsync(RunningApp app, string email, string password = Password)
    {
        var client = AnonymousClient(app);
        await SignInAsync(client, email, password);
        return client;
    }

    /// <summary>Signs a client in through the form; throws when the form does not redirect (the credentials were refused).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await FormTokenAsync(client, "/account/signin");
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = form,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}, not a redirect");
        }
    }

    /// <summary>A client with a cookie jar of its own that does not follow redirects.</summary>
    public static HttpClient AnonymousClient(RunningApp app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };

    /// <summary>The antiforgery token of the first form on a page (its cookie lands in the client's jar).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no form with an antiforgery token");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
