using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Health;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class HealthCheckStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private HealthCheckStore Health => new(Database.DataSource, Clock);

    [Fact]
    public async Task ListLatestAsync_ReturnsTheNewestResultOfEachComponent()
    {
        await Health.RecordAsync([new("database", "ok", 1.5, "{}"), new("disk", "degraded", null, """{"freeBytes":1}""")], CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Health.RecordAsync([new("database", "failed", 900, "{}")], CancellationToken.None);

        var latest = await Health.ListLatestAsync(CancellationToken.None);

        Assert.Equal([("database", "failed", StartTime.AddMinutes(5)), ("disk", "degraded", StartTime)],
            latest.Select(r => (r.Component, r.Status, r.CheckedAt)));
    }

    [Fact]
    public async Task RecordAsync_RejectsAnUnknownStatus_AndWritesNothing()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Health.RecordAsync([new("database", "ok", 1, "{}"), new("disk", "sad", null, "{}")], CancellationToken.None));

        Assert.Equal("status", ex.Field);
        Assert.Empty(await Health.ListLatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_RemovesOnlyOlderResults()
    {
        await Health.RecordAsync([new("database", "ok", 1, "{}")], CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(40));
        await Health.RecordAsync([new("disk", "ok", null, "{}")], CancellationToken.None);

        var deleted = await Health.DeleteOlderThanAsync(Clock.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["disk"], (await Health.ListLatestAsync(CancellationToken.None)).Select(r => r.Component));
    }

    [Fact]
    public async Task PingAsync_Succeeds_WhenTheDatabaseAnswers()
    {
        var error = await Record.ExceptionAsync(() => Health.PingAsync(CancellationToken.None));

        Assert.Null(error);
    }

    [Fact]
    public async Task PingAsync_ThrowsNamingTheAddress_WhenNothingListensOnThePort()
    {
        var port = SmtpTestServer.ClosedPort();
        await using var unreachable = DataSourceLike(connection => connection.Port = port);

        var error = await Assert.ThrowsAsync<NpgsqlException>(() => new HealthCheckStore(unreachable, Clock).PingAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task PingAsync_ThrowsInvalidPassword_WhenThePasswordIsWrong()
    {
        await using var refused = DataSourceLike(connection => connection.Password = "not-the-password");

        var error = await Assert.ThrowsAsync<PostgresException>(() => new HealthCheckStore(refused, Clock).PingAsync(CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    /// <summary>A data source as Zaiko builds one, on the test database's connection string with <paramref name="change"/> applied.</summary>
    private NpgsqlDataSource DataSourceLike(Action<NpgsqlConnectionStringBuilder> change)
    {
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        change(connection);
        return DataServiceCollectionExtensions.CreateDataSource(connection.ConnectionString);
    }
}
