using Dapper;
using Npgsql;

namespace Zaiko.Data.Users;

/// <summary>
/// Console accounts. Passwords arrive hashed (the web project hashes with the framework's PasswordHasher); a change
/// that must end open sessions — disabling, a new role, a new password — also changes the security stamp.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns = """
        id, email, display_name, password_hash, role, failed_attempts, lockout_until, disabled, security_stamp,
        created_at, last_sign_in_at, updated_at, updated_by
        """;

    private const string CreateSql = $"""
        -- UserStore.CreateAsync
        INSERT INTO users (email, display_name, password_hash, role, created_at, updated_at, updated_by)
        VALUES (@email, @displayName, @passwordHash, @role, @now, @now, @actor)
        RETURNING {Columns}
        """;

    public async Task<User> CreateAsync(string email, string displayName, string passwordHash, string role, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await CreateAsync(connection, null, email, displayName, passwordHash, role, actor, cancellationToken);
    }

    /// <summary>Creates an account on the caller's connection (the first admin is created in the setup token's transaction).</summary>
    public async Task<User> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string email, string displayName, string passwordHash,
        string role, string actor, CancellationToken cancellationToken)
    {
        var normalized = UserEmail.Normalize(email);
        if (!UserRoles.All.Contains(role))
        {
            throw new InvalidInputException("role", $"'{role}' is not one of {string.Join(", ", UserRoles.All)}");
        }

        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            throw new InvalidInputException("password", "a password is required");
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? normalized : displayName.Trim();
        try
        {
            return await connection.QuerySingleAsync<User>(new CommandDefinition(CreateSql,
                new { email = normalized, displayName = name, passwordHash, role, actor, now = timeProvider.GetUtcNow() }, transaction,
                cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidInputException("email", $"{normalized} は既に登録されています");
        }
    }

    private const string GetByEmailSql = $"""
        -- UserStore.GetByEmailAsync
        SELECT {Columns} FROM users WHERE email = @email
        """;

    /// <summary>The account of an address as typed (normalised first), or null; an address that cannot be one finds none.</summary>
    public async Task<User?> GetByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToLowerInvariant() ?? "";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(GetByEmailSql, new { email = normalized }, cancellationToken: cancellationToken));
    }

    private const string GetSql = $"""
        -- UserStore.GetAsync
        SELECT {Columns} FROM users WHERE id = @id
        """;

    public async Task<User?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string CountSql = """
        -- UserStore.CountAsync
        SELECT count(*) FROM users
        """;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    private const string SessionSql = """
        -- UserStore.GetSessionAsync
        SELECT security_stamp, role, disabled FROM users WHERE id = @id
        """;

    /// <summary>What every signed-in request checks: the account's stamp, role and whether it is disabled; null when it is gone.</summary>
    public async Task<UserSession?> GetSessionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserSession>(new CommandDefinition(SessionSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string FailedSignInSql = """
        -- UserStore.RecordFailedSignInAsync
        UPDATE users
        SET failed_attempts = CASE WHEN lockout_until IS NOT NULL AND lockout_until <= @now THEN 1 ELSE failed_attempts + 1 END,
            lockout_until = CASE
                WHEN (CASE WHEN lockout_until IS NOT NULL AND lockout_until <= @now THEN 1 ELSE failed_attempts + 1 END) >= @maxAttempts
                    THEN @now + @lockout
                WHEN lockout_until IS NOT NULL AND lockout_until <= @now THEN NULL
                ELSE lockout_until END
        WHERE id = @id
        RETURNING failed_attempts, lockout_until
        """;

    /// <summary>
    /// Counts a wrong password; the attempt that reaches <paramref name="maxAttempts"/> locks the account for
    /// <paramref name="lockout"/>. An expired lockout starts the count afresh. One statement, so concurrent
    /// attempts cannot lose a count.
    /// </summary>
    public async Task<SignInFailure> RecordFailedSignInAsync(long id, int maxAttempts, TimeSpan lockout, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<SignInFailure>(new CommandDefinition(FailedSignInSql,
            new { id, maxAttempts, lockout, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private const string SignedInSql = """
        -- UserStore.RecordSignInAsync
        UPDATE users SET failed_attempts = 0, lockout_until = NULL, last_sign_in_at = @now WHERE id = @id
        """;

    public async Task RecordSignInAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SignedInSql, new { id, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private const string SetDisabledSql = """
        -- UserStore.SetDisabledAsync
        UPDATE users SET disabled = @disabled, security_stamp = gen_random_uuid(), updated_at = @now, updated_by = @actor
        WHERE email = @email
        """;

    /// <summary>Disables (or enables) an account and ends its open sessions; false when there is no such account.</summary>
    public async Task<bool> SetDisabledAsync(string email, bool disabled, string actor, CancellationToken cancellationToken)
    {
        var normalized = UserEmail.Normalize(email);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetDisabledSql,
            new { email = normalized, disabled, actor, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SetRoleSql = """
        -- UserStore.SetRoleAsync
        UPDATE users SET role = @role, security_stamp = gen_random_uuid(), updated_at = @now, updated_by = @actor WHERE id = @id
        """;

    /// <summary>Gives an account another role and ends its open sessions, so the new role applies at once.</summary>
    public async Task<bool> SetRoleAsync(long id, string role, string actor, CancellationToken cancellationToken)
    {
        if (!UserRoles.All.Contains(role))
        {
            throw new InvalidInputException("role", $"'{role}' is not one of {string.Join(", ", UserRoles.All)}");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetRoleSql,
            new { id, role, actor, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SetPasswordSql = """
        -- UserStore.SetPasswordAsync
        UPDATE users
        SET password_hash = @passwordHash, security_stamp = gen_random_uuid(), failed_attempts = 0, lockout_until = NULL,
            updated_at = @now, updated_by = @actor
        WHERE id = @id
        """;

    /// <summary>Stores a new password hash, lifts a lockout and ends the account's open sessions.</summary>
    public async Task<bool> SetPasswordAsync(long id, string passwordHash, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetPasswordSql,
            new { id, passwordHash, actor, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    private const string RehashSql = """
        -- UserStore.UpgradePasswordHashAsync
        UPDATE users SET password_hash = @passwordHash WHERE id = @id AND password_hash = @previousHash
        """;

    /// <summary>
    /// Replaces a hash the framework asks to rehash (a newer format) after a successful sign-in, without ending the
    /// session that just began: the password itself did not change.
    /// </summary>
    public async Task UpgradePasswordHashAsync(long id, string previousHash, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RehashSql, new { id, previousHash, passwordHash }, cancellationToken: cancellationToken));
    }
}
