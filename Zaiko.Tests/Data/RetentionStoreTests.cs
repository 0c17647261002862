using Zaiko.Data.Errors;
using Zaiko.Data.History;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

/// <summary>Store methods behind run-level anomaly rules and retention.</summary>
public sealed class RetentionStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task CountForExecutionAsync_GroupsTheRunsErrorsByTypeAndPlatform()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "test", CancellationToken.None);
        await Errors.RecordAsync(new NewError("layout_changed", "medium", "a") { ExecutionId = run.ExecutionId, Platform = "yahoo" }, CancellationToken.None);
        await Errors.RecordAsync(new NewError("layout_changed", "medium", "b") { ExecutionId = run.ExecutionId, Platform = "yahoo" }, CancellationToken.None);
        await Errors.RecordAsync(new NewError("timeout", "low", "c") { ExecutionId = run.ExecutionId }, CancellationToken.None);
        await Errors.RecordAsync(new NewError("timeout", "low", "other run"), CancellationToken.None);

        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var counts = await Errors.CountForExecutionAsync(connection, null, run.ExecutionId, CancellationToken.None);

        Assert.Equal([new ErrorCount("layout_changed", "yahoo", 2), new ErrorCount("timeout", "", 1)], counts.OrderBy(c => c.ErrorType));
    }

    [Fact]
    public async Task DeleteResolvedOlderThanAsync_KeepsUnresolvedErrorsHoweverOld()
    {
        var resolved = await Errors.RecordAsync(new NewError("timeout", "low", "old, resolved"), CancellationToken.None);
        var open = await Errors.RecordAsync(new NewError("timeout", "low", "old, open"), CancellationToken.None);
        await Errors.ResolveAsync(resolved, null, "staff", CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(100));

        var deleted = await Errors.DeleteResolvedOlderThanAsync(Clock.GetUtcNow().AddDays(-90), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await Errors.GetAsync(resolved, CancellationToken.None));
        Assert.NotNull(await Errors.GetAsync(open, CancellationToken.None));
    }

    [Fact]
    public async Task CountNewlyOutOfStockAsync_CountsOffersThatFellToZeroInTheRun()
    {
        var (product, offer) = await CreateOfferAsync();
        var (other, otherOffer) = await CreateOfferAsync("B", "b100000001");
        var run = Guid.NewGuid();
        await History.AppendAsync(new StockChange(offer.Id, product.Id, 2, 0, null, null, null, null, "stock-check", run), CancellationToken.None);
        await History.AppendAsync(new StockChange(otherOffer.Id, other.Id, 0, 1, null, null, null, null, "stock-check", run), CancellationToken.None);
        await History.AppendAsync(new StockChange(otherOffer.Id, other.Id, 1, 0, null, null, null, null, "manual", null), CancellationToken.None);

        await using var connection = await Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await History.CountNewlyOutOfStockAsync(connection, null, run, CancellationToken.None));
    }
}
