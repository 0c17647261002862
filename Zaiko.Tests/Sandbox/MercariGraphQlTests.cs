using System.Net;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class MercariGraphQlTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private const string ProductQuery = "query Product($id: ID!) { product(id: $id) { id name price status variants { id stockQuantity } } }";
    private string productId = "";
    private string variantId = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var product = await Sandbox.PutMercariProductAsync(new { name = "デモ商品", price = 4800, stock = 2 });
        productId = product.GetProperty("id").GetString()!;
        variantId = product.GetProperty("variants")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ProductQuery_ReturnsExactlyTheSelectedFields()
    {
        using var response = await MercariAsync("{ product(id: \"" + productId + "\") { id price } }");

        var product = (await JsonAsync(response)).GetProperty("data").GetProperty("product");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["id", "price"], product.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4800, product.GetProperty("price").GetInt32());
    }

    [Fact]
    public async Task ProductQuery_ReadsVariables()
    {
        using var response = await MercariAsync(ProductQuery, new { id = productId });

        var product = (await JsonAsync(response)).GetProperty("data").GetProperty("product");
        Assert.Equal("ON_SALE", product.GetProperty("status").GetString());
        Assert.Equal(2, product.GetProperty("variants")[0].GetProperty("stockQuantity").GetInt32());
    }

    [Fact]
    public async Task UpdateProduct_ChangesThePrice()
    {
        using var update = await MercariAsync("mutation { updateProduct(input: { id: \"" + productId + "\", price: 5200 }) { product { id price } userErrors { field message } } }");

        using var response = await MercariAsync(ProductQuery, new { id = productId });

        var updated = (await JsonAsync(update)).GetProperty("data").GetProperty("updateProduct");
        Assert.Empty(updated.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(5200, (await JsonAsync(response)).GetProperty("data").GetProperty("product").GetProperty("price").GetInt32());
    }

    [Fact]
    public async Task UpdateProduct_ReportsAUserError_WhenPriceIsBelowTheMinimum()
    {
        using var response = await MercariAsync("mutation { updateProduct(input: { id: \"" + productId + "\", price: 100 }) { product { id } userErrors { field message } } }");

        var payload = (await JsonAsync(response)).GetProperty("data").GetProperty("updateProduct");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
    }

    [Fact]
    public async Task UpdateProductVariantStock_SetsTheVariantsStock_AndSoldOutAtZero()
    {
        using var response = await MercariAsync(
            "mutation Stock($input: UpdateProductVariantStockInput!) { updateProductVariantStock(input: $input) { variant { id stockQuantity } product { status } userErrors { message } } }",
            new { input = new { variantId, stockQuantity = 0 } });

        var payload = (await JsonAsync(response)).GetProperty("data").GetProperty("updateProductVariantStock");
        Assert.Equal(0, payload.GetProperty("variant").GetProperty("stockQuantity").GetInt32());
        Assert.Equal("SOLD_OUT", payload.GetProperty("product").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GraphQl_Returns401_WhenTokenIsWrong()
    {
        using var response = await MercariAsync(ProductQuery, new { id = productId }, token: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GraphQl_Returns400_WhenUserAgentIsNotNameSlashVersion()
    {
        using var response = await MercariAsync(ProductQuery, new { id = productId }, userAgent: "Mozilla");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GraphQl_Returns400ValidationError_WhenFieldIsUnknown()
    {
        using var response = await MercariAsync("{ product(id: \"" + productId + "\") { id colour } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("colour", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ProductsQuery_PagesThroughEveryProduct()
    {
        await Sandbox.SeedAsync(mercari: 4);

        using var first = await MercariAsync("{ products(first: 3) { edges { node { id } cursor } pageInfo { hasNextPage endCursor } } }");
        var page = (await JsonAsync(first)).GetProperty("data").GetProperty("products");
        using var second = await MercariAsync("query($after: String) { products(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }",
            new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });

        var rest = (await JsonAsync(second)).GetProperty("data").GetProperty("products");
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(2, rest.GetProperty("edges").GetArrayLength());
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }
}
