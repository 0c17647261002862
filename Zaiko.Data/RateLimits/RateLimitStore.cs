using Dapper;
using Npgsql;

namespace Zaiko.Data.RateLimits;

/// <summary>
/// Token buckets in rate_limit_buckets, shared by every process. One atomic statement per acquire: the
/// bucket is refilled for the time elapsed and one token is taken. Tokens may go negative — a negative
/// balance is a queue of reserved slots, so callers are spaced out at the bucket's rate instead of
/// polling — but never deeper than the caller's maximum wait.
/// </summary>
public sealed class RateLimitStore(NpgsqlDataSource dataSource)
{
    private const string AcquireSql = """
        -- RateLimitStore.TryAcquireAsync
        UPDATE rate_limit_buckets b
        SET tokens = s.refilled - CASE WHEN s.refilled - 1 >= -(@maxWaitSeconds * @refillPerSecond) THEN 1 ELSE 0 END,
            capacity = @capacity,
            refill_per_second = @refillPerSecond,
            updated_at = s.now
        FROM (SELECT bucket_key, clock_timestamp() AS now,
                     least(@capacity, tokens + extract(epoch FROM clock_timestamp() - updated_at)::double precision * @refillPerSecond) AS refilled
              FROM rate_limit_buckets
              WHERE bucket_key = @key
              FOR UPDATE) s
        WHERE b.bucket_key = s.bucket_key
        RETURNING s.refilled AS before, b.tokens AS after
        """;

    private const string CreateSql = """
        -- RateLimitStore.TryAcquireAsync (first use of a bucket)
        INSERT INTO rate_limit_buckets (bucket_key, tokens, capacity, refill_per_second, updated_at)
        VALUES (@key, @capacity, @capacity, @refillPerSecond, clock_timestamp())
        ON CONFLICT (bucket_key) DO NOTHING
        """;

    public async Task<RateLimitGrant> TryAcquireAsync(string key, double capacity, double refillPerSecond, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new InvalidInputException("bucket_key", "is required and at most 200 characters");
        }

        if (capacity < 1 || refillPerSecond <= 0)
        {
            throw new InvalidInputException("capacity", "a bucket holds at least one token and refills at a positive rate");
        }

        var parameters = new { key, capacity, refillPerSecond, maxWaitSeconds = Math.Max(0, maxWait.TotalSeconds) };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BucketBalance>(
            new CommandDefinition(AcquireSql, parameters, cancellationToken: cancellationToken));
        if (row is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateSql, parameters, cancellationToken: cancellationToken));
            row = await connection.QuerySingleAsync<BucketBalance>(
                new CommandDefinition(AcquireSql, parameters, cancellationToken: cancellationToken));
        }

        var (before, after) = (row.Before, row.After);
        if (after >= before)
        {
            return new RateLimitGrant(false, TimeSpan.FromSeconds((1 - after) / refillPerSecond));
        }

        return new RateLimitGrant(true, after >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-after / refillPerSecond));
    }

    private sealed record BucketBalance(double Before, double After);
}
