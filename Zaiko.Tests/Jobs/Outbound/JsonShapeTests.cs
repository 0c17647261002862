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

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
