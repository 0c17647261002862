using System.Text.Json;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Amazon;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Jobs.Sources.Amazon;

public sealed class AmazonOffersReaderTests
{
    private const string Asin = "B07PTMKYS7";
    private static readonly DateTimeOffset FetchedAt = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_TakesTheLowestNewLandedPrice_IgnoringOtherConditions()
    {
        var body = Offers(lowestPrices: """
            [{"condition":"new","LandedPrice":{"CurrencyCode":"JPY","Amount":1200}},
             {"condition":"used","LandedPrice":{"CurrencyCode":"JPY","Amount":800}},
             {"condition":"New","LandedPrice":{"CurrencyCode":"JPY","Amount":1100}}]
            """);

        var observation = Read(body);

        Assert.Equal((SourceStatus.Live, 1100m, 1100m, "JPY", 1), (observation.Status, observation.Price, observation.PriceIncludingTax, observation.Currency, observation.Quantity));
    }

    [Fact]
    public void Read_ReportsQuantityZero_WhenNoOfferShipsNow()
    {
        var observation = Read(Offers(availability: "FUTURE_WITH_DATE"));

        Assert.Equal((SourceStatus.Live, 0, 1980m), (observation.Status, observation.Quantity, observation.Price));
    }

    [Fact]
    public void Read_ReportsLiveWithQuantityZero_WhenThereAreNoBuyableOffers()
    {
        var observation = Read(Json("""{"payload":{"ASIN":"B07PTMKYS7","status":"NoBuyableOffers","Summary":{"TotalOfferCount":0},"Offers":[]}}"""));

        Assert.Equal((SourceStatus.Live, 0, null, null), (observation.Status, observation.Quantity, observation.Price, observation.Currency));
    }

    [Fact]
    public void Read_ReportsLayoutChangedNamingTheFields_WhenTheAnswerLacksThem()
    {
        var body = Json("""{"payload":{"status":"Success","Summary":{},"Offers":[{"ShippingTime":{}}]}}""");

        var observation = Read(body);

        Assert.Equal((SourceStatus.LayoutChanged, null, null), (observation.Status, observation.Quantity, observation.Price));
        Assert.Equal("unexpected response shape: payload.Summary.TotalOfferCount is missing; payload.Offers[0].ShippingTime.availabilityType is missing", observation.Error);
    }

    [Fact]
    public void Read_ReportsLayoutChanged_WhenAPriceIsNotANumber()
    {
        var observation = Read(Offers(lowestPrices: """[{"condition":"new","LandedPrice":{"CurrencyCode":"JPY","Amount":"1980"}}]"""));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("payload.Summary.LowestPrices[0].LandedPrice.Amount is a string, not a number", observation.Error);
    }

    [Fact]
    public void Read_ReportsLayoutChanged_WhenThereAreOffersButNoNewPrice()
    {
        var observation = Read(Offers(lowestPrices: """[{"condition":"used","LandedPrice":{"CurrencyCode":"JPY","Amount":900}}]"""));

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("no New landed price", observation.Error);
    }

    [Fact]
    public void Read_ReportsLayoutChanged_WhenTheAnswerIsAboutAnotherAsin()
    {
        var observation = AmazonOffersReader.Read("B000000001", 200, Offers(), FetchedAt, 5);

        Assert.Equal(SourceStatus.LayoutChanged, observation.Status);
        Assert.Contains("not the requested B000000001", observation.Error);
    }

    [Fact]
    public void Read_ReportsGone_WhenInvalidInputNamesTheAsin()
    {
        var observation = AmazonOffersReader.Read(Asin, 400, Json("""{"errors":[{"code":"InvalidInput","message":"Invalid ASIN B07PTMKYS7 for marketplace A1VC38T7YXB528"}]}"""), FetchedAt, 5);

        Assert.Equal((SourceStatus.Gone, 0), (observation.Status, observation.Quantity));
    }

    [Fact]
    public void Read_ReportsTransientError_WhenInvalidInputIsAboutSomethingElse()
    {
        var observation = AmazonOffersReader.Read(Asin, 400, Json("""{"errors":[{"code":"InvalidInput","message":"Missing required parameter MarketplaceId"}]}"""), FetchedAt, 5);

        Assert.Equal((SourceStatus.TransientError, null), (observation.Status, observation.Quantity));
        Assert.Equal("HTTP 400 InvalidInput: Missing required parameter MarketplaceId; retry later", observation.Error);
    }

    [Fact]
    public void Read_ReportsTransientError429_WhenTheQuotaIsExceeded()
    {
        var observation = AmazonOffersReader.Read(Asin, 429, Json("""{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}"""), FetchedAt, 5);

        Assert.Equal((SourceStatus.TransientError, 429), (observation.Status, observation.HttpStatus));
    }

    [Fact]
    public void ReadBatch_MatchesEntriesByTheirAsin_WhenTheyComeInAnotherOrder()
    {
        var body = Json($$$"""
            {"responses":[
              {"status":{"statusCode":400},"body":{"errors":[{"code":"InvalidInput","message":"Invalid ASIN B000000001"}]},"request":{"Asin":"B000000001"}},
              {"status":{"statusCode":200},"body":{{{Offers().GetRawText()}}},"request":{"Asin":"{{{Asin}}}"}}]}
            """);

        var observations = AmazonOffersReader.ReadBatch([Asin, "B000000001"], body, FetchedAt, 5);

        Assert.Equal([SourceStatus.Live, SourceStatus.Gone], observations.Select(o => o.Status));
    }

    [Fact]
    public void ReadBatch_ReportsLayoutChangedForEveryAsin_WhenTheBatchHasNoResponses()
    {
        var observations = AmazonOffersReader.ReadBatch([Asin, "B000000001"], Json("""{"payload":[]}"""), FetchedAt, 5);

        Assert.All(observations, o => Assert.Equal((SourceStatus.LayoutChanged, "unexpected response shape: responses is missing"), (o.Status, o.Error)));
    }

    [Fact]
    public void ReadBatch_ReportsLayoutChanged_ForAnAsinWithoutAnEntry()
    {
        var body = Json($$$"""{"responses":[{"status":{"statusCode":200},"body":{{{Offers().GetRawText()}}},"request":{"Asin":"{{{Asin}}}"}}]}""");

        var observations = AmazonOffersReader.ReadBatch([Asin, "B000000001"], body, FetchedAt, 5);

        Assert.Equal([SourceStatus.Live, SourceStatus.LayoutChanged], observations.Select(o => o.Status));
        Assert.Contains("no entry for ASIN B000000001", observations[1].Error);
    }

    [Fact]
    [Trait("Category", "Shared")]
    public void Read_MapsTheOfficialGetItemOffersExample()
    {
        var observation = AmazonOffersReader.Read("B00V5DG6IQ", 200, SharedContracts.ReadJson("contracts/amazon-sp-api/getItemOffers-response-200-1.json"), FetchedAt, 5);

        Assert.Equal((SourceStatus.Live, 10.0m, "USD", 1), (observation.Status, observation.Price, observation.Currency, observation.Quantity));
    }

    [Fact]
    [Trait("Category", "Shared")]
    public void ReadBatch_MapsTheOfficialGetItemOffersBatchExample_IncludingNoBuyableOffers()
    {
        var example = SharedContracts.ReadJson("contracts/amazon-sp-api/getItemOffersBatch-response-200.json");
        var asins = example.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("request").GetProperty("Asin").GetString()!).ToArray();

        var observations = AmazonOffersReader.ReadBatch(asins, example, FetchedAt, 5);

        Assert.All(observations, o => Assert.Equal((SourceStatus.Live, SourceLayouts.Api), (o.Status, o.Layout)));
        Assert.Equal([21m, 24.99m, 1m, 10m, 12m, 0.5m, 14.99m, 50m, 22m, null], observations.Select(o => o.Price));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], observations.Select(o => o.Quantity));
    }

    private static SourceObservation Read(JsonElement body) => AmazonOffersReader.Read(Asin, 200, body, FetchedAt, 5);

    private static JsonElement Offers(string availability = "NOW", string lowestPrices = """[{"condition":"new","LandedPrice":{"CurrencyCode":"JPY","Amount":1980}}]""") => Json($$$"""
        {"payload":{"ASIN":"{{{Asin}}}","status":"Success",
          "Summary":{"TotalOfferCount":1,"LowestPrices":{{{lowestPrices}}} },
          "Offers":[{"ListingPrice":{"CurrencyCode":"JPY","Amount":1980},"Shipping":{"CurrencyCode":"JPY","Amount":0},
                     "ShippingTime":{"availabilityType":"{{{availability}}}"}}]}}
        """);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
