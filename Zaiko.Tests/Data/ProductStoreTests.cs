using Zaiko.Data;
using Zaiko.Data.Products;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class ProductStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task CreateAsync_StoresTheProduct_WithTheClockTimeAndActor()
    {
        var created = await Products.CreateAsync(new NewProduct("SKU-123", "ルンバ 整備済品", "https://example.com/a.jpg", "メモ"), "staff:sato", CancellationToken.None);

        var stored = await Products.GetAsync(created.Id, CancellationToken.None);

        Assert.Equal(new Product(created.Id, "SKU-123", "ルンバ 整備済品", "https://example.com/a.jpg", "メモ", StartTime, StartTime, "staff:sato"), stored);
    }

    [Fact]
    public async Task CreateAsync_RejectsADuplicateSku_NamingTheField()
    {
        await Products.CreateAsync(new NewProduct("SKU-1", "first"), "test", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Products.CreateAsync(new NewProduct("SKU-1", "second"), "test", CancellationToken.None));

        Assert.Equal("sku", ex.Field);
        Assert.Equal(1, await new ProductQueries(Database.DataSource).CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("", "title", "sku")]
    [InlineData("SKU 1", "title", "sku")]
    [InlineData("SKU-1", "", "title")]
    public async Task CreateAsync_RejectsInvalidInput_NamingTheField(string sku, string title, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Products.CreateAsync(new NewProduct(sku, title), "test", CancellationToken.None));

        Assert.Equal(field, ex.Field);
        Assert.Equal(0, await new ProductQueries(Database.DataSource).CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_RejectsAnImageUrlThatIsNotHttp()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Products.CreateAsync(new NewProduct("SKU-1", "t", "file:///etc/passwd"), "test", CancellationToken.None));

        Assert.Equal("image_url", ex.Field);
    }

    [Fact]
    public async Task UpsertAsync_UpdatesTheExistingProduct_WhenTheSkuIsKnown()
    {
        var first = await Products.UpsertAsync(new NewProduct("SKU-1", "old title"), "import", CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await Products.UpsertAsync(new NewProduct("SKU-1", "new title"), "staff", CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("new title", second.Title);
        Assert.Equal(StartTime, second.CreatedAt);
        Assert.Equal(StartTime.AddMinutes(5), second.UpdatedAt);
        Assert.Equal("staff", second.UpdatedBy);
    }

    [Fact]
    public async Task GetBySkuAsync_ReturnsNull_WhenNoProductHasTheSku()
    {
        await Products.CreateAsync(new NewProduct("SKU-1", "t"), "test", CancellationToken.None);

        Assert.Null(await Products.GetBySkuAsync("SKU-2", CancellationToken.None));
        Assert.Equal("SKU-1", (await Products.GetBySkuAsync("SKU-1", CancellationToken.None))!.Sku);
    }

    [Fact]
    public async Task CountAsync_CountsEveryProduct()
    {
        await Products.CreateAsync(new NewProduct("A", "a"), "test", CancellationToken.None);
        await Products.CreateAsync(new NewProduct("B", "b"), "test", CancellationToken.None);

        Assert.Equal(2, await new ProductQueries(Database.DataSource).CountAsync(CancellationToken.None));
    }
}
