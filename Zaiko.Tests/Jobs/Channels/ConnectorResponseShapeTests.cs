using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Channels.Amazon;
using Zaiko.Jobs.Channels.Ebay;
using Zaiko.Jobs.Channels.Mercari;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Tests.Jobs.Channels;

/// <summary>
/// Well-formed JSON that lacks what a mapping reads (which the sandbox never sends) becomes a not-retryable result
/// naming the missing fields. The HTTP handler is stubbed: the answers are ones no real channel should give.
/// </summary>
public sealed class ConnectorResponseShapeTests
{
    private const string Token = """{"access_token":"token","expires_in":3600}""";

    [Fact]
    public async Task EbayPushAsync_NamesTheMissingFields_WhenOutcomesLackStatusCodes()
    {
        var ebay = Ebay("""{"responses":[{"offerId":"1","errors":[{"message":"no id"}]}]}""");

        var results = await ebay.PushAsync([new ChannelUpdate(new ChannelListingRef(1, EbayOfferId: "1"), 2, null, "USD")], CancellationToken.None);

        Assert.Equal((false, false, "shape"), (results[0].Succeeded, results[0].Retryable, results[0].ErrorCode));
        Assert.Equal("eBay: unexpected response shape: responses[0].statusCode is missing; responses[0].errors[0].errorId is missing",
            results[0].Error);
    }

    [Fact]
    public async Task EbayReadAsync_NamesTheMissingFields_WhenTheOfferHasNoPrice()
    {
        var ebay = Ebay("""{"sku":"YA-1","availableQuantity":3,"pricingSummary":{}}""");

        var states = await ebay.ReadAsync([new ChannelListingRef(1, EbayOfferId: "1")], CancellationToken.None);

        Assert.Equal("eBay: unexpected response shape: pricingSummary.price is missing", states[0].Error);
    }

    [Fact]
    public async Task AmazonPushAsync_NamesTheMissingField_WhenTheSubmissionHasNoStatus()
    {
        var amazon = Amazon("""{"sku":"AMZ-1","submissionId":"x","issues":[]}""");

        var results = await amazon.PushAsync([new ChannelUpdate(new ChannelListingRef(1, AmazonSellerSku: "AMZ-1"), 2, null, "JPY")], CancellationToken.None);

        Assert.Equal("Amazon: unexpected response shape: status is missing", results[0].Error);
    }

    [Fact]
    public async Task MercariPushAsync_NamesTheMissingField_WhenTheMutationHasNoUserErrors()
    {
        var mercari = Mercari("""{"data":{"price":{"product":{"id":"mp-1","price":5200}}}}""");

        var results = await mercari.PushAsync([new ChannelUpdate(new ChannelListingRef(1, MercariProductId: "mp-1"), null, 5200m, "JPY")],
            CancellationToken.None);

        Assert.Equal("Mercari Shops: unexpected response shape: data.price.userErrors is missing", results[0].Error);
    }

    private static EbayClient Ebay(string answer)
    {
        var http = new HttpClient(new StubHandler(answer));
        var options = Options.Create(new EbayOptions { ClientId = "id", ClientSecret = "secret", RefreshToken = "refresh" });
        var tokens = new EbayAccessTokens(Factory(), options, TimeProvider.System);
        return new EbayClient(http, tokens, options, NullLogger<EbayClient>.Instance);
    }

    private static AmazonListingsClient Amazon(string answer)
    {
        var http = new HttpClient(new StubHandler(answer));
        var options = Options.Create(new AmazonListingsOptions { ClientId = "id", ClientSecret = "secret", RefreshToken = "refresh", SellerId = "S1" });
        var tokens = new LwaAccessTokens(Factory(), TimeProvider.System, NullLogger<LwaAccessTokens>.Instance);
        return new AmazonListingsClient(http, tokens, options, NullLogger<AmazonListingsClient>.Instance);
    }

    private static MercariClient Mercari(string answer) =>
        new(new HttpClient(new StubHandler(answer)), Options.Create(new MercariOptions { AccessToken = "token" }), NullLogger<MercariClient>.Instance);

    private static IHttpClientFactory Factory() =>
        Mock.Of<IHttpClientFactory>(factory => factory.CreateClient(It.IsAny<string>()) == new HttpClient(new StubHandler(Token)));

    private sealed class StubHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
