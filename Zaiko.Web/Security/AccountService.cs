using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Users;

namespace Zaiko.Web.Security;

/// <summary>
/// Signing in and keeping passwords: hashes with the framework's <see cref="PasswordHasher{TUser}"/> (never stored or
/// logged in clear), the password policy, and the lockout — <see cref="MaxFailedAttempts"/> wrong passwords lock an
/// account for <see cref="Lockout"/>. Unknown addresses, disabled accounts and wrong passwords get the same answer.
/// </summary>
public sealed partial class AccountService(UserStore users, TimeProvider timeProvider, ILogger<AccountService> logger)
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public const string SignInRefused = "メールアドレスまたはパスワードが正しくありません";

    private static readonly PasswordHasher<User> Hasher = new();

    // Verified against when the address is unknown, so that answer takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy password for unknown accounts");

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.GetByEmailAsync(email, cancellationToken);
        if (user is null || user.Disabled)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? "");
            LogRefused(logger, email ?? "", user is null ? "unknown address" : "disabled account");
            return SignInOutcome.Refused(SignInRefused);
        }

        var now = timeProvider.GetUtcNow();
        if (user.LockoutUntil is { } until && until > now)
        {
            LogRefused(logger, user.Email, "locked out");
            return SignInOutcome.Refused(LockedMessage(until, now), user);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failure = await users.RecordFailedSignInAsync(user.Id, MaxFailedAttempts, Lockout, cancellationToken);
            LogRefused(logger, user.Email, $"wrong password ({failure.FailedAttempts} in a row)");
            return SignInOutcome.Refused(failure.LockoutUntil is { } locked && locked > now ? LockedMessage(locked, now) : SignInRefused, user);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.UpgradePasswordHashAsync(user.Id, user.PasswordHash, Hasher.HashPassword(user, password!), cancellationToken);
        }

        await users.RecordSignInAsync(user.Id, cancellationToken);
        return SignInOutcome.SignedIn(user);
    }

    /// <summary>Creates an account after checking the address, the role and the password policy.</summary>
    /// <exception cref="InvalidInputException">The field that is wrong, and why.</exception>
    public async Task<User> CreateAsync(string email, string? displayName, string? password, string role, string actor, CancellationToken cancellationToken)
    {
        var address = UserEmail.Normalize(email);
        var storedRole = UserRoles.Parse(role) ?? throw new InvalidInputException("role", $"「{role}」は役割ではありません (admin または staff)");
        if (PasswordPolicy.Problem(password, address) is { } problem)
        {
            throw new InvalidInputException("password", problem);
        }

        return await users.CreateAsync(address, displayName ?? address, Hasher.HashPassword(null!, password!), storedRole, actor, cancellationToken);
    }

    /// <summary>The hash of a password that passed the policy, for the setup page's transaction.</summary>
    /// <exception cref="InvalidInputException">The password breaks a rule; the message says which.</exception>
    public static string HashChecked(string? password, string email)
    {
        if (PasswordPolicy.Problem(password, email) is { } problem)
        {
            throw new InvalidInputException("password", problem);
        }

        return Hasher.HashPassword(null!, password!);
    }

    private static string LockedMessage(DateTimeOffset until, DateTimeOffset now) =>
        $"パスワードを {MaxFailedAttempts} 回続けて間違えたため、このアカウントはロックされています。約 {Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes))} 分後にもう一度お試しください";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string email, string reason);
}
