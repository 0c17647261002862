using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Zaiko.Data.Security;

/// <summary>
/// One-time links that create the first admin while no account exists. Only a token's SHA-256 is stored; a token
/// works within its lifetime and once, and only while there is still no user.
/// </summary>
public sealed class SetupTokenStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string IssueSql = """
        -- SetupTokenStore.IssueAsync
        INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (@hash, @now, @expiresAt)
        """;

    /// <summary>A new random token (URL-safe), valid for <paramref name="lifetime"/>.</summary>
    public async Task<string> IssueAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(IssueSql, new { hash = Hash(token), now, expiresAt = now + lifetime }, cancellationToken: cancellationToken));
        return token;
    }

    private const string ValidSql = """
        -- SetupTokenStore.IsValidAsync
        SELECT EXISTS (SELECT 1 FROM setup_tokens WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now)
           AND NOT EXISTS (SELECT 1 FROM users)
        """;

    /// <summary>Whether the token could still create the first admin (to show the form, or say why not).</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ValidSql, new { hash = Hash(token), now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private const string RedeemSql = """
        -- SetupTokenStore.TryRedeemAsync
        UPDATE setup_tokens SET used_at = @now
        WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now AND NOT EXISTS (SELECT 1 FROM users)
        """;

    /// <summary>
    /// Uses the token inside the caller's transaction (which then creates the admin); false when it is unknown,
    /// expired, used, or an account exists already. The row lock makes two simultaneous uses take turns.
    /// </summary>
    public async Task<bool> TryRedeemAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string token, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(RedeemSql, new { hash = Hash(token), now = timeProvider.GetUtcNow() }, transaction,
            cancellationToken: cancellationToken)) == 1;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
