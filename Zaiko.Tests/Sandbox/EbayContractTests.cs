using System.Net;
using System.Text.Json;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class EbayContractTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private const string BulkPath = "sell/inventory/v1/bulk_update_price_quantity";
    private string offerId = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var offer = await Sandbox.PutEbayOfferAsync(new { sku = "YA-o1202015332", title = "Demo item", quantity = 2, price = 19.99m, currency = "USD" });
        offerId = offer.GetProperty("offerId").GetString()!;
    }

    [Fact]
    public async Task Token_IssuesAUserAccessToken_WhenRefreshTokenIsValid()
    {
        using var response = await EbayTokenAsync();

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("User Access Token", body.GetProperty("token_type").GetString());
        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Token_ReturnsInvalidClient_WhenClientSecretIsWrong()
    {
        using var response = await EbayTokenAsync(clientSecret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_ReturnsInvalidGrant_WhenRefreshTokenIsWrong()
    {
        using var response = await EbayTokenAsync(refreshToken: "v^1.1#wrong");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Inventory_Returns401WithErrorId1001_WhenTokenIsMissing()
    {
        using var response = await Client.GetAsync($"sell/inventory/v1/offer/{offerId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1001, (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("errorId").GetInt32());
    }

    [Fact]
    public async Task Inventory_Returns401_WhenTokenHasExpired()
    {
        using var tokenResponse = await EbayTokenAsync();
        var token = (await JsonAsync(tokenResponse)).GetProperty("access_token").GetString();
        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(2.1));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"sell/inventory/v1/offer/{offerId}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    [Trait("Category", "Shared")]
    public async Task BulkUpdate_ResponseUsesOnlyTheContractsFieldsAndTypes()
    {
        using var response = await EbayAsync(HttpMethod.Post, BulkPath, new
        {
            requests = new object[]
            {
                new { offers = new[] { new { offerId, availableQuantity = 0, price = new { value = "24.50", currency = "USD" } } } },
                new { offers = new[] { new { offerId = "99999999999", availableQuantity = 1 } } },
            },
        });

        var body = await JsonAsync(response);
        var schema = SharedContracts.ReadJson("contracts/ebay-sell-inventory/bulkUpdatePriceQuantity-openapi-fragment-v1.18.2.json").GetProperty("components.schemas");
        var problems = new List<string>();
        OpenApiShape.Check(body, schema, "BulkPriceQuantityResponse", "$", problems);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task BulkUpdate_Returns207WithError25002_WhenAnOfferIsUnknown()
    {
        using var response = await EbayAsync(HttpMethod.Post, BulkPath, new
        {
            requests = new object[]
            {
                new { offers = new[] { new { offerId, availableQuantity = 0 } } },
                new { offers = new[] { new { offerId = "99999999999", availableQuantity = 1 } } },
            },
        });

        var responses = (await JsonAsync(response)).GetProperty("responses");
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        Assert.Equal(200, responses[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(25002, responses[1].GetProperty("errors")[0].GetProperty("errorId").GetInt32());
        Assert.NotEqual(200, responses[1].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task BulkUpdate_Returns200AndChangesTheOffer_WhenAllSucceed()
    {
        using var response = await EbayAsync(HttpMethod.Post, BulkPath, new
        {
            requests = new[] { new { offers = new[] { new { offerId, availableQuantity = 0, price = new { value = "24.50", currency = "USD" } } } } },
        });
        using var offer = await EbayAsync(HttpMethod.Get, $"sell/inventory/v1/offer/{offerId}");

        var body = await JsonAsync(offer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("availableQuantity").GetInt32());
        Assert.Equal("24.50", body.GetProperty("pricingSummary").GetProperty("price").GetProperty("value").GetString());
    }

    [Fact]
    public async Task BulkUpdate_Returns400_WhenMoreThan25Requests()
    {
        var requests = Enumerable.Range(0, 26).Select(_ => new { offers = new[] { new { offerId, availableQuantity = 1 } } }).ToArray();

        using var response = await EbayAsync(HttpMethod.Post, BulkPath, new { requests });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(25709, (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("errorId").GetInt32());
    }

    [Fact]
    public async Task BulkUpdate_SetsTheItemQuantity_WhenShipToLocationAvailabilityIsSent()
    {
        using var response = await EbayAsync(HttpMethod.Post, BulkPath, new
        {
            requests = new[] { new { sku = "YA-o1202015332", shipToLocationAvailability = new { quantity = 7 } } },
        });
        using var item = await EbayAsync(HttpMethod.Get, "sell/inventory/v1/inventory_item/YA-o1202015332");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(item);
        Assert.Equal(7, body.GetProperty("availability").GetProperty("shipToLocationAvailability").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task GetOffer_Returns404WithError25713_WhenOfferIsUnknown()
    {
        using var response = await EbayAsync(HttpMethod.Get, "sell/inventory/v1/offer/123");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(25713, (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("errorId").GetInt32());
    }
}
