using Dapper;
using Npgsql;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Holds an exclusive lock on a table so that a job under test blocks on its next statement against it: cancelling
/// the job then cancels it mid-run, at a known point, without racing a timer. Disposing releases the lock.
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string table;

    private TableLock(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        this.dataSource = dataSource;
        this.connection = connection;
        this.transaction = transaction;
        this.table = table;
    }

    public static async Task<TableLock> TakeAsync(NpgsqlDataSource dataSource, string table)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", transaction: transaction);
        return new TableLock(dataSource, connection, transaction, table);
    }

    /// <summary>Waits until another session is queued behind this lock.</summary>
    public async Task WaitForWaiterAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        await using var observer = await dataSource.OpenConnectionAsync();
        while (await observer.ExecuteScalarAsync<long>(
                   "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = @table::regclass", new { table }) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nothing queued behind the lock on {table} within {timeout ?? TimeSpan.FromSeconds(30)}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
