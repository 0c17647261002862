using Microsoft.Extensions.Time.Testing;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;

namespace Zaiko.Tests.Infrastructure;

/// <summary>Base of tests against the real database: empty tables, a fake clock, and the stores on both.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public abstract class DatabaseTest(PostgresDatabase database) : IAsyncLifetime
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    protected PostgresDatabase Database { get; } = database;

    protected FakeTimeProvider Clock { get; } = new(StartTime);

    protected ProductStore Products => new(Database.DataSource, Clock);

    protected InventoryStore Inventory => new(Database.DataSource, Clock);

    protected StockHistoryStore History => new(Database.DataSource, Clock);

    protected ExecutionStore Executions => new(Database.DataSource, Clock);

    protected ErrorStore Errors => new(Database.DataSource, Clock);

    protected ErrorQueries ErrorQueries => new(Database.DataSource);

    protected ExecutionQueries ExecutionQueries => new(Database.DataSource);

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task<(Product Product, MonitoredOffer Offer)> CreateOfferAsync(string sku = "SKU-1", string auctionId = "o1202015332")
    {
        var product = await Products.CreateAsync(new NewProduct(sku, "テスト商品 " + sku), "test", CancellationToken.None);
        var offer = await Inventory.AddAsync(
            new NewOffer(product.Id, "yahoo", $"https://auctions.yahoo.co.jp/jp/auction/{auctionId}", auctionId), "test", CancellationToken.None);
        return (product, offer);
    }
}
