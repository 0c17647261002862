using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class AlertLogStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private AlertLogStore Log => new(Database.DataSource, Clock);

    [Fact]
    public async Task RecordAsync_NumbersTheAttemptsOfAKeyOnAChannel()
    {
        await Log.RecordAsync(Attempt("failed") with { Error = "connection refused" }, CancellationToken.None);
        await Log.RecordAsync(Attempt("failed", channel: "slack") with { Error = "HTTP 500" }, CancellationToken.None);

        var attempt = await Log.RecordAsync(Attempt("sent"), CancellationToken.None);

        Assert.Equal(2, attempt);
    }

    [Fact]
    public async Task WasSentAsync_IsTrue_OnlyAfterASentAttemptOnThatChannel()
    {
        await Log.RecordAsync(Attempt("failed") with { Error = "timeout" }, CancellationToken.None);
        Assert.False(await Log.WasSentAsync(null, "daily-summary:2026-11-28", "email", CancellationToken.None));

        await Log.RecordAsync(Attempt("sent"), CancellationToken.None);

        Assert.True(await Log.WasSentAsync(null, "daily-summary:2026-11-28", "email", CancellationToken.None));
        Assert.False(await Log.WasSentAsync(null, "daily-summary:2026-11-28", "slack", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_KeepsTheErrorAndTime_OfAFailedAttempt()
    {
        await Log.RecordAsync(Attempt("failed") with { Error = "550 mailbox unavailable" }, CancellationToken.None);

        var entry = Assert.Single(await Log.ListForKeyAsync("daily-summary:2026-11-28", CancellationToken.None));
        Assert.Equal(("failed", "550 mailbox unavailable", StartTime), (entry.Result, entry.Error, entry.SentAt));
    }

    [Theory]
    [InlineData("suppressed", 0, "suppressed_count")]
    [InlineData("sent", 2, "suppressed_count")]
    [InlineData("bounced", 0, "result")]
    public async Task RecordAsync_RejectsInvalidInput_NamingTheField(string result, int suppressed, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Log.RecordAsync(Attempt(result) with { SuppressedCount = suppressed }, CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    private static AlertAttempt Attempt(string result, string channel = "email") =>
        new(null, "daily-summary:2026-11-28", channel, "info", "[Zaiko] 日次サマリー 2026-11-28 (土)", result);
}
