using System.Text.Json;
using Zaiko.Jobs.Channels;

namespace Zaiko.Tests.Jobs.Channels;

public sealed class ChannelResponseShapeTests
{
    [Fact]
    public void Check_ReturnsNull_WhenEveryFieldHasItsKind()
    {
        var root = Json("""{"sku":"A-1","pricingSummary":{"price":{"value":"9.99"}},"availableQuantity":3}""");

        var problem = ChannelResponseShape.Check(root, "sku:string", "pricingSummary.price.value:string", "availableQuantity:integer");

        Assert.Null(problem);
    }

    [Fact]
    public void Check_NamesEveryMissingField()
    {
        var root = Json("""{"sku":"A-1","pricingSummary":{}}""");

        var problem = ChannelResponseShape.Check(root, "sku:string", "pricingSummary.price.value:string", "availableQuantity:integer");

        Assert.Equal("unexpected response shape: missing pricingSummary.price.value (string), availableQuantity (integer)", problem);
    }

    [Theory]
    [InlineData("""{"statusCode":"200"}""")]
    [InlineData("""{"statusCode":200.5}""")]
    [InlineData("""{"statusCode":null}""")]
    public void Check_CountsAValueOfAnotherKindAsMissing(string json)
    {
        var problem = ChannelResponseShape.Check(Json(json), "statusCode:integer");

        Assert.Equal("unexpected response shape: missing statusCode (integer)", problem);
    }

    [Fact]
    public void Check_ChecksEveryElementOfAnArray()
    {
        var root = Json("""{"responses":[{"statusCode":200},{"offerId":"1"}]}""");

        var problem = ChannelResponseShape.Check(root, "responses[].statusCode:integer");

        Assert.Equal("unexpected response shape: missing responses[].statusCode (integer)", problem);
    }

    [Fact]
    public void Check_ChecksTheFirstElement_WhenIndexed()
    {
        var root = Json("""{"our_price":[]}""");

        var problem = ChannelResponseShape.Check(root, "our_price[0].schedule:array");

        Assert.Equal("unexpected response shape: missing our_price[0].schedule (array)", problem);
    }

    [Theory]
    [InlineData("""{"responses":[{"statusCode":200}]}""")]
    [InlineData("""{"responses":[{"statusCode":200,"errors":null}]}""")]
    public void Check_AcceptsAnOptionalField_WhenItIsAbsentOrNull(string json)
    {
        var problem = ChannelResponseShape.Check(Json(json), "responses[].errors?[].errorId:integer");

        Assert.Null(problem);
    }

    [Fact]
    public void Check_ChecksAnOptionalField_WhenItIsThere()
    {
        var root = Json("""{"responses":[{"statusCode":400,"errors":[{"message":"no id"}]}]}""");

        var problem = ChannelResponseShape.Check(root, "responses[].errors?[].errorId:integer");

        Assert.Equal("unexpected response shape: missing responses[].errors[].errorId (integer)", problem);
    }

    [Fact]
    public void TryRead_ReportsTheBodyIsNotJson_WhenItIsCutShort()
    {
        var read = ChannelResponseShape.TryRead<Answer>("""{"status":"ACCEP""", ["status:string"], out _, out var problem);

        Assert.False(read);
        Assert.Equal("unexpected response shape: the body is not valid JSON", problem);
    }

    [Fact]
    public void TryRead_MapsTheAnswer_WhenItHasTheFields()
    {
        var read = ChannelResponseShape.TryRead<Answer>("""{"status":"ACCEPTED","extra":1}""", ["status:string"], out var answer, out _);

        Assert.True(read);
        Assert.Equal(new Answer("ACCEPTED"), answer);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private sealed record Answer(string Status);
}
