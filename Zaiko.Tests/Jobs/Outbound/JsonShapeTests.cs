using System.Text.Json;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Tests.Jobs.Outbound;

public sealed class JsonShapeTests
{
    private static readonly JsonShape Offers = JsonShape.Empty
        .Require("payload.status", JsonKind.String)
        .Require("payload.Offers[].ListingPrice.Amount", JsonKind.Number)
        .Require("payload.Offers[].IsPrime", JsonKind.Boolean)
        .Allow("payload.ASIN", JsonKind.String);

    [Fact]
    public void Check_FindsNothing_WhenEveryFieldHasItsKind()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":"Success","ASIN":"B0","Offers":[{"ListingPrice":{"Amount":10.5},"IsPrime":false}]}}"""));

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_NamesTheElement_WhenOneArrayElementLacksAField()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":"Success","Offers":[{"ListingPrice":{"Amount":1},"IsPrime":true},{"ListingPrice":{},"IsPrime":true}]}}"""));

        Assert.Equal(["payload.Offers[1].ListingPrice.Amount is missing"], problems);
    }

    [Fact]
    public void Check_SaysWhichKindWasFound_WhenAFieldHasAnother()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":3,"Offers":[{"ListingPrice":{"Amount":"10"},"IsPrime":"no"}]}}"""));

        Assert.Equal(["payload.status is a number, not a string", "payload.Offers[0].ListingPrice.Amount is a string, not a number",
            "payload.Offers[0].IsPrime is a string, not a boolean"], problems);
    }

    [Fact]
    public void Check_ReportsAMissingParentOnce()
    {
        var problems = Offers.Check(Json("""{"errors":[]}"""));

        Assert.Equal(["payload is missing"], problems);
    }

    [Fact]
    public void Check_TreatsNullAsMissing()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":null,"Offers":[]}}"""));

        Assert.Equal(["payload.status is missing"], problems);
    }

    [Fact]
    public void Check_AcceptsAnEmptyArray_ForFieldsOfItsElements()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":"NoBuyableOffers","Offers":[]}}"""));

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_RefusesAnOptionalFieldOfAnotherKind()
    {
        var problems = Offers.Check(Json("""{"payload":{"status":"Success","ASIN":7,"Offers":[]}}"""));

        Assert.Equal(["payload.ASIN is a number, not a string"], problems);
    }

    [Fact]
    public void Check_PrefixesPaths_WhenTheElementSitsInsideALargerDocument()
    {
        var problems = Offers.Check(Json("""{"payload":{"Offers":[]}}"""), "responses[3].body");

        Assert.Equal(["responses[3].body.payload.status is missing"], problems);
    }

    [Fact]
    public void Check_SaysTheBodyIsNoObject_WhenTheDocumentIsAnArray()
    {
        var problems = Offers.Check(Json("[]"));

        Assert.Equal(["the body is an array, not an object"], problems);
    }

    [Fact]
    public void Describe_StartsWithUnexpectedResponseShape_AndListsEveryProblem()
    {
        var text = JsonShape.Describe(["a is missing", "b is a string, not a number"]);

        Assert.Equal("unexpected response shape: a is missing; b is a string, not a number", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("payload..status")]
    [InlineData("payload.[]")]
    public void Require_RefusesAPathWithoutNames(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => JsonShape.Empty.Require(path, JsonKind.String));
    }

    [Theory]
    [InlineData("payload.Offers[x]")]
    [InlineData("payload.?")]
    [InlineData("payload.Offers[]?")]
    public void Require_RefusesASegmentThatIsNotNameOptionalAndIndex(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => JsonShape.Empty.Require(path, JsonKind.String));
    }

    [Fact]
    public void Check_FindsNothing_WhenIntegersAndNestedStringsHaveTheirKinds()
    {
        var shape = JsonShape.Empty
            .Require("sku", JsonKind.String)
            .Require("pricingSummary.price.value", JsonKind.String)
            .Require("availableQuantity", JsonKind.Integer);

        var problems = shape.Check(Json("""{"sku":"A-1","pricingSummary":{"price":{"value":"9.99"}},"availableQuantity":3}"""));

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_NamesEveryMissingField()
    {
        var shape = JsonShape.Empty
            .Require("sku", JsonKind.String)
            .Require("pricingSummary.price.value", JsonKind.String)
            .Require("availableQuantity", JsonKind.Integer);

        var problems = shape.Check(Json("""{"sku":"A-1","pricingSummary":{}}"""));

        Assert.Equal(["pricingSummary.price is missing", "availableQuantity is missing"], problems);
    }

    [Theory]
    [InlineData("""{"statusCode":"200"}""", "statusCode is a string, not an integer")]
    [InlineData("""{"statusCode":200.5}""", "statusCode is a number, not an integer")]
    [InlineData("""{"statusCode":4294967296}""", "statusCode is a number, not an integer")]
    [InlineData("""{"statusCode":null}""", "statusCode is missing")]
    public void Check_RefusesAnIntegerOfAnotherKind(string json, string problem)
    {
        var problems = JsonShape.Empty.Require("statusCode", JsonKind.Integer).Check(Json(json));

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void Check_ChecksEveryElementOfAnArray()
    {
        var shape = JsonShape.Empty.Require("responses[].statusCode", JsonKind.Integer);

        var problems = shape.Check(Json("""{"responses":[{"statusCode":200},{"offerId":"1"}]}"""));

        Assert.Equal(["responses[1].statusCode is missing"], problems);
    }

    [Fact]
    public void Check_ChecksTheElementNamed_WhenIndexed()
    {
        var shape = JsonShape.Empty.Require("our_price[0].schedule", JsonKind.Array);

        var empty = shape.Check(Json("""{"our_price":[]}"""));
        var withoutSchedule = shape.Check(Json("""{"our_price":[{"currency":"JPY"}]}"""));
        var whole = shape.Check(Json("""{"our_price":[{"schedule":[]},{"currency":"JPY"}]}"""));

        Assert.Equal(["our_price[0] is missing"], empty);
        Assert.Equal(["our_price[0].schedule is missing"], withoutSchedule);
        Assert.Empty(whole);
    }

    [Theory]
    [InlineData("""{"responses":[{"statusCode":200}]}""")]
    [InlineData("""{"responses":[{"statusCode":200,"errors":null}]}""")]
    public void Check_AcceptsAnOptionalSegment_WhenItIsAbsentOrNull(string json)
    {
        var problems = JsonShape.Empty.Require("responses[].errors?[].errorId", JsonKind.Integer).Check(Json(json));

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_ChecksWhatFollowsAnOptionalSegment_WhenItIsThere()
    {
        var shape = JsonShape.Empty.Require("responses[].errors?[].errorId", JsonKind.Integer);

        var problems = shape.Check(Json("""{"responses":[{"statusCode":400,"errors":[{"message":"no id"}]}]}"""));

        Assert.Equal(["responses[0].errors[0].errorId is missing"], problems);
    }

    [Fact]
    public void Check_RefusesAnOptionalSegment_WhenItsParentIsNoObject()
    {
        var shape = JsonShape.Empty.Require("data.product?.id", JsonKind.String);

        var problems = shape.Check(Json("""{"data":[]}"""));

        Assert.Equal(["data is an array, not an object"], problems);
    }

    [Fact]
    public void TryRead_ReportsTheBodyIsNotJson_WhenItIsCutShort()
    {
        var read = JsonShape.Empty.Require("status", JsonKind.String).TryRead<Answer>("""{"status":"ACCEP""", out _, out var problem);

        Assert.False(read);
        Assert.Equal("unexpected response shape: the body is not valid JSON", problem);
    }

    [Fact]
    public void TryRead_DescribesTheProblems_WhenTheAnswerLacksAField()
    {
        var read = JsonShape.Empty.Require("status", JsonKind.String).TryRead<Answer>("""{"state":"ACCEPTED"}""", out _, out var problem);

        Assert.False(read);
        Assert.Equal("unexpected response shape: status is missing", problem);
    }

    [Fact]
    public void TryRead_MapsTheAnswer_WhenItHasTheFields()
    {
        var read = JsonShape.Empty.Require("status", JsonKind.String).TryRead<Answer>("""{"status":"ACCEPTED","extra":1}""", out var answer, out _);

        Assert.True(read);
        Assert.Equal(new Answer("ACCEPTED"), answer);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private sealed record Answer(string Status);
}
