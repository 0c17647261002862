namespace Zaiko.Data.Users;

/// <summary>An account's count of wrong passwords after one more, and the lockout it led to, if any.</summary>
public sealed record SignInFailure(int FailedAttempts, DateTimeOffset? LockoutUntil);
