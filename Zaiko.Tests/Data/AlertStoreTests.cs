using Dapper;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.History;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class AlertStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private AlertStore Alerts => new(Database.DataSource, Clock);

    [Fact]
    public async Task LockCursorsAsync_StartsAtZero_WhenNoCursorWasStored()
    {
        var cursors = await InTransactionAsync((connection, transaction) => Alerts.LockCursorsAsync(connection, transaction, CancellationToken.None));

        Assert.Equal(new AlertCursors(0, 0), cursors);
    }

    [Fact]
    public async Task AdvanceCursorsAsync_KeepsTheCursors_ForTheNextPass()
    {
        await InTransactionAsync(async (connection, transaction) =>
        {
            await Alerts.LockCursorsAsync(connection, transaction, CancellationToken.None);
            await Alerts.AdvanceCursorsAsync(connection, transaction, new AlertCursors(42, 7), CancellationToken.None);
            return 0;
        });

        var cursors = await InTransactionAsync((connection, transaction) => Alerts.LockCursorsAsync(connection, transaction, CancellationToken.None));

        Assert.Equal(new AlertCursors(42, 7), cursors);
    }

    [Fact]
    public async Task ListNewErrorsAsync_ReturnsErrorsAfterTheCursor_WithTheirProduct()
    {
        var (product, offer) = await CreateOfferAsync();
        var seen = await Errors.RecordAsync(new NewError("timeout", "low", "old"), CancellationToken.None);
        var fresh = await Errors.RecordAsync(new NewError("blocked", "medium", "new") { ProductId = product.Id, InventoryId = offer.Id }, CancellationToken.None);

        var errors = await InTransactionAsync((connection, transaction) =>
            Alerts.ListNewErrorsAsync(connection, transaction, seen, StartTime, 100, CancellationToken.None));

        var error = Assert.Single(errors);
        Assert.Equal((fresh, product.Title, product.Sku, offer.SourceUrl), (error.Id, error.ProductTitle, error.Sku, error.SourceUrl));
    }

    [Fact]
    public async Task ListNewErrorsAsync_StopsBeforeTheFirstUnsettledError()
    {
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO inventory_errors (error_type, severity, message, created_at) VALUES
                    ('timeout', 'low', 'settled', @settled), ('timeout', 'low', 'still committing', @late), ('timeout', 'low', 'settled but after it', @settled)
                """, new { settled = StartTime.AddSeconds(-10).UtcDateTime, late = StartTime.AddSeconds(10).UtcDateTime });
        }

        var errors = await InTransactionAsync((connection, transaction) =>
            Alerts.ListNewErrorsAsync(connection, transaction, 0, StartTime, 100, CancellationToken.None));

        Assert.Equal(["settled"], errors.Select(e => e.Message));
    }

    [Fact]
    public async Task ListNewStockOutsAsync_ReturnsStockOuts_AndReadsPastOtherChanges()
    {
        var (product, offer) = await CreateOfferAsync();
        var stockOut = await AppendAsync(product.Id, offer.Id, 2, 0);
        var last = await AppendAsync(product.Id, offer.Id, 0, 1);

        var batch = await InTransactionAsync((connection, transaction) =>
            Alerts.ListNewStockOutsAsync(connection, transaction, 0, StartTime, StartTime.AddDays(-1), 100, CancellationToken.None));

        var only = Assert.Single(batch.StockOuts);
        Assert.Equal((stockOut, 2, "yahoo", offer.SourceProductId), (only.Id, only.PreviousStock, only.SourcePlatform, only.SourceProductId));
        Assert.Equal(last, batch.ReadUpTo);
    }

    [Fact]
    public async Task ListNewStockOutsAsync_StaysAtTheCursor_WhenNothingSettled()
    {
        var (product, offer) = await CreateOfferAsync();
        await AppendAsync(product.Id, offer.Id, 2, 0);

        var batch = await InTransactionAsync((connection, transaction) =>
            Alerts.ListNewStockOutsAsync(connection, transaction, 0, StartTime.AddSeconds(-1), StartTime.AddDays(-1), 100, CancellationToken.None));

        Assert.Equal((0, 0L), (batch.StockOuts.Count, batch.ReadUpTo));
    }

    [Fact]
    public async Task CreateAsync_MarksALogOnlyAlertEnqueued_AndLeavesTheOthersToClaim()
    {
        var (logOnly, mailed) = await InTransactionAsync(async (connection, transaction) => (
            await Alerts.CreateAsync(connection, transaction, Alert("stock-out:product:1", "info", ["log"]), CancellationToken.None),
            await Alerts.CreateAsync(connection, transaction, Alert("timeout:system", "error", ["email", "slack"]), CancellationToken.None)));

        var pending = await InTransactionAsync((connection, transaction) => Alerts.ClaimUnenqueuedAsync(connection, transaction, 10, CancellationToken.None));

        Assert.Equal([(mailed, "email,slack")], pending.Select(p => (p.Id, p.ChannelList)));
        Assert.Equal(StartTime, (await Alerts.GetAsync(logOnly, CancellationToken.None))!.EnqueuedAt);
    }

    [Fact]
    public async Task GetLatestAsync_ReturnsTheNewestAlertOfEachKey()
    {
        await InTransactionAsync((connection, transaction) => Alerts.CreateAsync(connection, transaction, Alert("k1", "error", ["email"]), CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(40));
        var newer = await InTransactionAsync(async (connection, transaction) =>
        {
            var id = await Alerts.CreateAsync(connection, transaction, Alert("k1", "error", ["email"]), CancellationToken.None);
            await Alerts.AddSuppressedRepeatsAsync(connection, transaction, id, 3, CancellationToken.None);
            return id;
        });

        var latest = await InTransactionAsync((connection, transaction) => Alerts.GetLatestAsync(connection, transaction, ["k1", "k2"], CancellationToken.None));

        Assert.Equal(new LatestAlert("k1", newer, StartTime.AddMinutes(40), 3), Assert.Single(latest.Values));
    }

    [Theory]
    [InlineData("", "error", "email", "dedup_key")]
    [InlineData("k", "urgent", "email", "level")]
    [InlineData("k", "error", "fax", "channels")]
    public async Task CreateAsync_RejectsInvalidInput_NamingTheField(string key, string level, string channel, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            InTransactionAsync((connection, transaction) => Alerts.CreateAsync(connection, transaction, Alert(key, level, [channel]), CancellationToken.None)));

        Assert.Equal(field, ex.Field);
    }

    private NewAlert Alert(string key, string level, string[] channels) => new(key, level, "timeout", "タイムアウトしました", Clock.GetUtcNow(), channels);

    private Task<long> AppendAsync(long productId, long offerId, int previous, int next) =>
        History.AppendAsync(new StockChange(offerId, productId, previous, next, null, null, null, null, ChangeSources.StockCheck, null), CancellationToken.None);

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await work(connection, transaction);
        await transaction.CommitAsync();
        return result;
    }
}
