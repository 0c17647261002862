using Dapper;
using Zaiko.Data;
using Zaiko.Data.History;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class StockHistoryStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AppendAsync_StoresTheChange_WithItsDerivedChangeType()
    {
        var (product, offer) = await CreateOfferAsync();
        var executionId = Guid.NewGuid();

        var id = await History.AppendAsync(new StockChange(offer.Id, product.Id, 1, 0, 1000m, 1200m, "active", "ended", "stock-check", executionId), CancellationToken.None);

        var entry = Assert.Single(await History.ListForProductAsync(product.Id, 10, CancellationToken.None));
        Assert.Equal(new StockHistoryEntry(id, StartTime, offer.Id, product.Id, 1, 0, 1000m, 1200m, "active", "ended", "both", "stock-check", executionId), entry);
    }

    [Theory]
    [InlineData(1, 0, 100, 100, "stock_change")]
    [InlineData(1, 1, 100, 150, "price_change")]
    [InlineData(1, 0, 100, 150, "both")]
    public void ChangeType_ClassifiesWhatMoved(int previousStock, int newStock, int previousPrice, int newPrice, string expected)
    {
        var change = new StockChange(1, 1, previousStock, newStock, previousPrice, newPrice, "active", "active", "stock-check", null);

        Assert.Equal(expected, change.ChangeType);
    }

    [Fact]
    public void ChangeType_IsStatusChange_WhenOnlyTheStatusMoved()
    {
        var change = new StockChange(1, 1, 1, 1, 100m, 100m, "active", "unverifiable", "stock-check", null);

        Assert.Equal("status_change", change.ChangeType);
    }

    [Fact]
    public async Task AppendAsync_RejectsANonChange_AndWritesNothing()
    {
        var (product, offer) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => History.AppendAsync(
            new StockChange(offer.Id, product.Id, 1, 1, 100m, 100m, "active", "active", "stock-check", null), CancellationToken.None));

        Assert.Equal("stock_history", ex.Field);
        Assert.Empty(await History.ListForProductAsync(product.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_RejectsAnUnknownChangeSource_NamingTheField()
    {
        var (product, offer) = await CreateOfferAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => History.AppendAsync(
            new StockChange(offer.Id, product.Id, 1, 0, null, null, null, null, "cron", null), CancellationToken.None));

        Assert.Equal("change_source", ex.Field);
    }

    [Fact]
    public async Task AppendAsync_LandsInTheMonthlyPartition_WhenTheClockIsInANextMonth()
    {
        var (product, offer) = await CreateOfferAsync();
        await History.EnsurePartitionsAsync(2, CancellationToken.None);
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var nextMonth = await connection.ExecuteScalarAsync<DateTime>("SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month 2 days'");
        Clock.SetUtcNow(new DateTimeOffset(nextMonth, TimeSpan.Zero));

        var id = await History.AppendAsync(new StockChange(offer.Id, product.Id, 1, 0, null, null, null, null, "stock-check", null), CancellationToken.None);

        var partition = await connection.ExecuteScalarAsync<string>("SELECT tableoid::regclass::text FROM stock_history WHERE id = @id", new { id });
        Assert.Equal($"stock_history_y{nextMonth:yyyy}m{nextMonth:MM}", partition);
    }

    [Fact]
    public async Task ListForProductAsync_ReturnsNewestFirst_UpToTheLimit()
    {
        var (product, offer) = await CreateOfferAsync();
        for (var stock = 5; stock > 0; stock--)
        {
            await History.AppendAsync(new StockChange(offer.Id, product.Id, stock, stock - 1, null, null, null, null, "stock-check", null), CancellationToken.None);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var entries = await History.ListForProductAsync(product.Id, 3, CancellationToken.None);

        Assert.Equal([0, 1, 2], entries.Select(e => e.NewStock!.Value));
    }

    [Fact]
    public async Task CountForExecutionAsync_CountsOnlyThatExecutionsRows()
    {
        var (product, offer) = await CreateOfferAsync();
        var run = Guid.NewGuid();
        await History.AppendAsync(new StockChange(offer.Id, product.Id, 2, 1, null, null, null, null, "stock-check", run), CancellationToken.None);
        await History.AppendAsync(new StockChange(offer.Id, product.Id, 1, 0, null, null, null, null, "stock-check", run), CancellationToken.None);
        await History.AppendAsync(new StockChange(offer.Id, product.Id, 0, 1, null, null, null, null, "manual", null), CancellationToken.None);

        Assert.Equal(2, await History.CountForExecutionAsync(run, CancellationToken.None));
    }

    [Fact]
    public async Task EnsurePartitionsAsync_RejectsAnUnreasonableHorizon()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => History.EnsurePartitionsAsync(500, CancellationToken.None));

        Assert.Equal("months_ahead", ex.Field);
    }

    [Fact]
    public async Task DropPartitionsBeforeAsync_DropsOnlyWholeMonthsBeforeTheCutoff()
    {
        await History.EnsurePartitionsAsync(3, CancellationToken.None);
        var before = await History.ListPartitionsAsync(CancellationToken.None);
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var cutoff = await connection.ExecuteScalarAsync<DateTime>("SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months 5 days')");

        var dropped = await History.DropPartitionsBeforeAsync(new DateTimeOffset(cutoff, TimeSpan.Zero), CancellationToken.None);

        var after = await History.ListPartitionsAsync(CancellationToken.None);
        Assert.Equal(2, dropped.Count);
        Assert.Equal(before.Except(dropped), after);
        Assert.Contains("stock_history_default", after);
    }
}
