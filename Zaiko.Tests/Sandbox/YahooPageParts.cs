using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zaiko.Tests.Sandbox;

/// <summary>Pulls the data blocks out of an item page the way a scraper would: <c>__NEXT_DATA__</c> and <c>var pageData</c>.</summary>
public static partial class YahooPageParts
{
    [GeneratedRegex("""<script id="__NEXT_DATA__" type="application/json">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex NextDataScript();

    [GeneratedRegex(@"var pageData = (\{.*?\});", RegexOptions.Singleline)]
    private static partial Regex PageDataScript();

    public static JsonElement? NextData(string html) =>
        NextDataScript().Match(html) is { Success: true } match ? JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone() : null;

    public static JsonElement? PageData(string html) =>
        PageDataScript().Match(html) is { Success: true } match ? JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone() : null;

    public static JsonElement Item(JsonElement nextData) =>
        nextData.GetProperty("props").GetProperty("pageProps").GetProperty("initialState").GetProperty("item").GetProperty("detail").GetProperty("item");

    public static JsonElement MirroredItem(JsonElement nextData) =>
        nextData.GetProperty("props").GetProperty("initialState").GetProperty("item").GetProperty("detail").GetProperty("item");
}
