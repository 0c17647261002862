using Zaiko.Data;
using Zaiko.Data.Inventory;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

/// <summary>The InventoryStore methods a check uses.</summary>
public sealed class InventoryCheckStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task RecordCheckAsync_StoresTheCheckedState_WithSourceTimesInAnyOffset()
    {
        var (_, offer) = await CreateOfferAsync();
        var endJst = new DateTimeOffset(2026, 12, 1, 21, 39, 11, TimeSpan.FromHours(9));
        var run = Guid.NewGuid();

        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var locked = await Inventory.LockForCheckAsync(connection, transaction, offer.Id, CancellationToken.None);
            await Inventory.RecordCheckAsync(connection, transaction, locked! with
            {
                Title = "商品", TitleHash = "hash", CurrentStock = 2, CurrentPrice = 1500m, PriceInclTax = 1650m, BuyNowPrice = 3000m, Bids = 4,
                SourceEndTime = endJst, LayoutStatus = "next-data", LastVerifiedAt = StartTime, LastCheckedAt = StartTime, LastExecutionId = run,
                UpdatedBy = "stock-check",
            }, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await Inventory.GetAsync(offer.Id, CancellationToken.None);
        Assert.Equal((2, 1500m, 1650m, 3000m, 4), (stored!.CurrentStock!.Value, stored.CurrentPrice!.Value, stored.PriceInclTax!.Value, stored.BuyNowPrice!.Value, stored.Bids!.Value));
        Assert.Equal(endJst, stored.SourceEndTime);
        Assert.Equal((run, "stock-check", "next-data"), (stored.LastExecutionId!.Value, stored.UpdatedBy, stored.LayoutStatus));
    }

    [Fact]
    public async Task RecordCheckAsync_RejectsAnUnknownUrlStatus()
    {
        var (_, offer) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Inventory.RecordCheckAsync(connection, transaction,
            offer with { UrlStatus = "sold", LastCheckedAt = StartTime }, CancellationToken.None));

        Assert.Equal("url_status", ex.Field);
    }

    [Fact]
    public async Task RecordCheckAsync_RejectsAnOfferWithoutItsCheckTime()
    {
        var (_, offer) = await CreateOfferAsync();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Inventory.RecordCheckAsync(connection, transaction,
            offer with { LastCheckedAt = null }, CancellationToken.None));

        Assert.Equal("last_checked_at", ex.Field);
    }

    [Fact]
    public async Task SwapEndCheckJobAsync_ReturnsTheJobItReplaces()
    {
        var (_, offer) = await CreateOfferAsync();

        var first = await Inventory.SwapEndCheckJobAsync(offer.Id, "101", CancellationToken.None);
        var second = await Inventory.SwapEndCheckJobAsync(offer.Id, "102", CancellationToken.None);

        Assert.Null(first);
        Assert.Equal("101", second);
        Assert.Equal("102", (await Inventory.GetAsync(offer.Id, CancellationToken.None))!.EndCheckJobId);
    }

    [Fact]
    public async Task GetManyAsync_ReturnsTheOffersThatExist_InIdOrder()
    {
        var (product, first) = await CreateOfferAsync("A", "a100000001");
        var second = await Inventory.AddAsync(new NewOffer(product.Id, "yahoo", "https://auctions.yahoo.co.jp/jp/auction/a100000002", "a100000002"), "t", CancellationToken.None);

        var offers = await Inventory.GetManyAsync([second.Id, 9999, first.Id], CancellationToken.None);

        Assert.Equal([first.Id, second.Id], offers.Select(o => o.Id));
    }

    [Fact]
    public async Task ListForProductAsync_ReturnsEveryOfferOfTheProduct()
    {
        var (product, offer) = await CreateOfferAsync();
        await CreateOfferAsync("OTHER", "b100000001");
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var offers = await Inventory.ListForProductAsync(connection, null, product.Id, CancellationToken.None);

        Assert.Equal([offer.Id], offers.Select(o => o.Id));
    }

    [Fact]
    public async Task TryRecordQuietCheckAsync_RecordsAndCountsInOneGo_WhenTheOfferIsAsRead()
    {
        var (_, offer) = await CreateOfferAsync();
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await Executions.CompleteFanOutAsync(run.ExecutionId, 1, null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = await Inventory.TryRecordQuietCheckAsync(Quiet(offer, run.ExecutionId), offer.UpdatedAt, run.ExecutionId, CancellationToken.None);

        Assert.True(outcome.Recorded);
        Assert.True(outcome.Progress!.IsComplete);
        var stored = await Inventory.GetAsync(offer.Id, CancellationToken.None);
        Assert.Equal((run.ExecutionId, StartTime.AddMinutes(1)), (stored!.LastExecutionId!.Value, stored.LastCheckedAt!.Value));
    }

    [Fact]
    public async Task TryRecordQuietCheckAsync_WritesNothing_WhenTheOfferChangedSinceItWasRead()
    {
        var (_, offer) = await CreateOfferAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Inventory.SetMonitoringAsync(offer.Id, true, "staff", CancellationToken.None);

        var outcome = await Inventory.TryRecordQuietCheckAsync(Quiet(offer, null), offer.UpdatedAt, null, CancellationToken.None);

        Assert.False(outcome.Recorded);
        Assert.Null((await Inventory.GetAsync(offer.Id, CancellationToken.None))!.LastCheckedAt);
    }

    [Fact]
    public async Task TryRecordQuietCheckAsync_CountsNothing_WhenTheRunAlreadyCountedTheOffer()
    {
        var (_, offer) = await CreateOfferAsync();
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        var first = await Inventory.TryRecordQuietCheckAsync(Quiet(offer, run.ExecutionId), offer.UpdatedAt, run.ExecutionId, CancellationToken.None);
        var reread = await Inventory.GetAsync(offer.Id, CancellationToken.None);

        var second = await Inventory.TryRecordQuietCheckAsync(Quiet(offer, run.ExecutionId), reread!.UpdatedAt, run.ExecutionId, CancellationToken.None);

        Assert.True(first.Recorded);
        Assert.False(second.Recorded);
        Assert.Equal(1, (await Executions.GetAsync(run.ExecutionId, CancellationToken.None))!.ProcessedCount);
    }

    private MonitoredOffer Quiet(MonitoredOffer offer, Guid? run) => offer with
    {
        Title = "商品", TitleHash = "hash", CurrentStock = 1, CurrentPrice = 1000m, PriceInclTax = 1100m, Bids = 0, LayoutStatus = "next-data",
        LastVerifiedAt = Clock.GetUtcNow(), LastCheckedAt = Clock.GetUtcNow(), LastExecutionId = run, UpdatedBy = "stock-check",
    };
}
