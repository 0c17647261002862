using System.Net;
using Dapper;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Security;
using Zaiko.Data.Users;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;
using Zaiko.Web.Security;

namespace Zaiko.Tests.Web;

/// <summary>Sign-in over HTTP against the real app: sessions, lockout, roles, the audit log, and what anonymous callers see.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SignInTests(PostgresDatabase database) : IAsyncLifetime
{
    private RunningApp app = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateEmptyDatabaseAsync();
        app = await RunningApp.StartAsync(connectionString, ZaikoRole.Web);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_FromEveryPage()
    {
        using var client = ConsoleAccounts.AnonymousClient(app);

        using var home = await client.GetAsync("/");
        using var products = await client.GetAsync("/products");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/signin", home.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, products.StatusCode);
    }

    [Fact]
    public async Task SignIn_OpensTheConsole_AndRecordsItOnce()
    {
        await ConsoleAccounts.CreateAsync(app, "Staff@Example.jp", UserRoles.Staff);

        using var client = await ConsoleAccounts.SignedInClientAsync(app, "staff@example.jp");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var audit = await AuditAsync("staff@example.jp");
        var signIn = Assert.Single(audit, a => a.Action == "sign_in");
        Assert.True(signIn.Success);
        Assert.Equal("127.0.0.1", signIn.IpAddress);
    }

    [Fact]
    public async Task SignIn_AnswersTheSameForAnUnknownAddressAndAWrongPassword_AndAuditsBoth()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);

        var unknown = await SignInPageAfterAsync("nobody@example.jp", ConsoleAccounts.Password);
        var wrong = await SignInPageAfterAsync("staff@example.jp", "not the password at all");

        Assert.Contains(AccountService.SignInRefused, unknown);
        Assert.Contains(AccountService.SignInRefused, wrong);
        Assert.False(Assert.Single(await AuditAsync("nobody@example.jp")).Success);
        Assert.False(Assert.Single(await AuditAsync("staff@example.jp")).Success);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes_EvenAgainstTheRightOne()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await SignInPageAfterAsync("staff@example.jp", "wrong password number " + i);
        }

        var locked = await SignInPageAfterAsync("staff@example.jp", ConsoleAccounts.Password);

        Assert.Contains("ロックされています", locked);
        var user = await app.App.Services.GetRequiredService<UserStore>().GetByEmailAsync("staff@example.jp", CancellationToken.None);
        Assert.InRange(user!.LockoutUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task ALockout_Ends_AfterItsTime()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        await ExecuteAsync("UPDATE users SET failed_attempts = 5, lockout_until = now() - interval '1 second'");

        using var client = await ConsoleAccounts.SignedInClientAsync(app, "staff@example.jp");

        var user = await app.App.Services.GetRequiredService<UserStore>().GetByEmailAsync("staff@example.jp", CancellationToken.None);
        Assert.Equal((0, (DateTimeOffset?)null), (user!.FailedAttempts, user.LockoutUntil));
    }

    [Fact]
    public async Task Staff_GetA403InJapanese_FromTheJobDashboard_AndAdminsGetIn()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        await ConsoleAccounts.CreateAsync(app, "admin@example.jp", UserRoles.Admin);
        using var staff = await ConsoleAccounts.SignedInClientAsync(app, "staff@example.jp");
        using var admin = await ConsoleAccounts.SignedInClientAsync(app, "admin@example.jp");

        using var refused = await staff.GetAsync("/hangfire");
        using var allowed = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("権限がありません", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_FromTheJobDashboard()
    {
        using var client = ConsoleAccounts.AnonymousClient(app);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSession()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        using var client = await ConsoleAccounts.SignedInClientAsync(app, "staff@example.jp");

        await app.App.Services.GetRequiredService<UserStore>().SetDisabledAsync("staff@example.jp", true, "test", CancellationToken.None);
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ChangingARole_EndsTheSessionsOfTheOldRole()
    {
        var user = await ConsoleAccounts.CreateAsync(app, "admin@example.jp", UserRoles.Admin);
        using var client = await ConsoleAccounts.SignedInClientAsync(app, "admin@example.jp");

        await app.App.Services.GetRequiredService<UserStore>().SetRoleAsync(user.Id, UserRoles.Staff, "test", CancellationToken.None);
        using var after = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignInCookie_SurvivesARestart_OfTheWebProcess()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        var cookies = new CookieContainer();
        using (var first = ConsoleAccounts.AnonymousClient(app, cookies))
        {
            await ConsoleAccounts.SignInAsync(first, "staff@example.jp", ConsoleAccounts.Password);
        }

        await app.DisposeAsync();
        app = await RunningApp.StartAsync(connectionString, ZaikoRole.Web);
        // Cookies belong to the host, not the port: the restarted app on a new port gets the same cookie.
        using var second = ConsoleAccounts.AnonymousClient(app, cookies);
        using var response = await second.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APostWithoutItsAntiforgeryToken_IsRefusedWith400()
    {
        await ConsoleAccounts.CreateAsync(app, "staff@example.jp", UserRoles.Staff);
        using var client = await ConsoleAccounts.SignedInClientAsync(app, "staff@example.jp");

        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストを処理できません", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_TellsAnAnonymousCallerOnlyTheVerdict()
    {
        using var client = ConsoleAccounts.AnonymousClient(app);

        var body = await client.GetStringAsync("/health");

        Assert.Equal("""{"status":"healthy"}""", body);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = ConsoleAccounts.AnonymousClient(app);

        using var response = await client.GetAsync("/account/signin");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ARequestForAnotherHostName_IsRefused()
    {
        using var client = ConsoleAccounts.AnonymousClient(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> SignInPageAfterAsync(string email, string password)
    {
        using var client = ConsoleAccounts.AnonymousClient(app);
        var token = await ConsoleAccounts.FormTokenAsync(client, "/account/signin");
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<IReadOnlyList<StoredAuditEntry>> AuditAsync(string actor) =>
        await app.App.Services.GetRequiredService<AuditQueries>().ListRecentAsync(actor, 50, CancellationToken.None);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await app.App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }
}
