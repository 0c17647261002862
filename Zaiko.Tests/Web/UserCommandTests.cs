using Microsoft.AspNetCore.Identity;
using Zaiko.Data;
using Zaiko.Data.Users;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Cli;

namespace Zaiko.Tests.Web;

/// <summary>The user verb: accounts from the command line, with the password on standard input.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UserCommandTests(PostgresDatabase database)
{
    [Fact]
    public async Task Add_CreatesAnAdmin_WithAHashedPassword_AndExitsZero()
    {
        var db = await database.CreateEmptyDatabaseAsync();
        var output = new StringWriter();

        var exitCode = await RunAsync(db, ["user", "add", "Owner@Example.jp", "--role", "admin", "--password-stdin"], "a long enough passphrase\n", output);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Created 管理者 (Admin) account owner@example.jp", output.ToString());
        var user = await Users(db).GetByEmailAsync("owner@example.jp", CancellationToken.None);
        Assert.Equal(UserRoles.Admin, user!.Role);
        Assert.DoesNotContain("passphrase", user.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, "a long enough passphrase"));
    }

    [Theory]
    [InlineData("short", "password: パスワードは 12 文字以上にしてください")]
    [InlineData("password1234", "password: よく使われる")]
    [InlineData("owner@example.jp", "password: メールアドレスをパスワードに使うことはできません")]
    public async Task Add_ExitsOne_NamingThePasswordRuleItBreaks(string password, string message)
    {
        var db = await database.CreateEmptyDatabaseAsync();
        var error = new StringWriter();

        var exitCode = await RunAsync(db, ["user", "add", "owner@example.jp", "--role", "staff", "--password-stdin"], password + "\n", error: error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("zaiko user: " + message, error.ToString());
        Assert.Null(await Users(db).GetByEmailAsync("owner@example.jp", CancellationToken.None));
    }

    [Fact]
    public async Task Add_ExitsOne_ForAnAddressAlreadyRegistered()
    {
        var db = await database.CreateEmptyDatabaseAsync();
        await RunAsync(db, ["user", "add", "owner@example.jp", "--role", "staff", "--password-stdin"], "a long enough passphrase\n");
        var error = new StringWriter();

        var exitCode = await RunAsync(db, ["user", "add", "OWNER@example.jp", "--role", "admin", "--password-stdin"], "another long passphrase\n", error: error);

        Assert.Equal(1, exitCode);
        Assert.Contains("owner@example.jp は既に登録されています", error.ToString());
    }

    [Theory]
    [InlineData("user")]
    [InlineData("user add owner@example.jp --role admin")]
    [InlineData("user add owner@example.jp --password-stdin")]
    [InlineData("user remove owner@example.jp")]
    public async Task BadUsage_ExitsTwo_WithTheUsage(string command)
    {
        var error = new StringWriter();

        var exitCode = await RunAsync(await database.CreateEmptyDatabaseAsync(), command.Split(' '), "", error: error);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("usage: user add <email>", error.ToString());
    }

    [Fact]
    public async Task Disable_DisablesTheAccount_AndEndsItsSessions()
    {
        var db = await database.CreateEmptyDatabaseAsync();
        await RunAsync(db, ["user", "add", "staff@example.jp", "--role", "staff", "--password-stdin"], "a long enough passphrase\n");
        var before = await Users(db).GetByEmailAsync("staff@example.jp", CancellationToken.None);

        var exitCode = await RunAsync(db, ["user", "disable", "staff@example.jp"], "");

        var after = await Users(db).GetByEmailAsync("staff@example.jp", CancellationToken.None);
        Assert.Equal(0, exitCode);
        Assert.True(after!.Disabled);
        Assert.NotEqual(before!.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task Disable_ExitsOne_ForAnUnknownAccount()
    {
        var error = new StringWriter();

        var exitCode = await RunAsync(await database.CreateEmptyDatabaseAsync(), ["user", "disable", "nobody@example.jp"], "", error: error);

        Assert.Equal(1, exitCode);
        Assert.Equal("zaiko user disable: no account nobody@example.jp", error.ToString().Trim());
    }

    private static Task<int> RunAsync(string db, string[] args, string stdin, TextWriter? output = null, TextWriter? error = null) =>
        CliCommands.RunAsync(Invocation.Parse([.. args, $"--ConnectionStrings:Zaiko={db}"]), new StringReader(stdin), output ?? TextWriter.Null, error ?? TextWriter.Null);

    private static UserStore Users(string db) => new(Npgsql.NpgsqlDataSource.Create(db), TimeProvider.System);
}
