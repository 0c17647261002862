namespace Zaiko.Data.Users;

/// <summary>A person who signs in to the console (a row of users). The hash is the framework's PasswordHasher format.</summary>
public sealed record User(
    long Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    string Role,
    int FailedAttempts,
    DateTimeOffset? LockoutUntil,
    bool Disabled,
    Guid SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
