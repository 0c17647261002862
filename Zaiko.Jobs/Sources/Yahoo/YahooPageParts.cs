using AngleSharp.Html.Dom;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// What the script readers look at on an item page: the canonical URL, the <c>__NEXT_DATA__</c> scripts and the
/// inline JavaScript. Taken from the DOM, or without one by <see cref="YahooMarkupScanner"/>, which yields the
/// same parts or none.
/// </summary>
/// <param name="Canonical">The href of the first <c>&lt;link rel=canonical&gt;</c>, or null.</param>
/// <param name="NextDataScripts">The text of every <c>&lt;script id="__NEXT_DATA__"&gt;</c>; other elements with that id are not the page's data.</param>
/// <param name="JavaScripts">The text of every inline script that is not JSON, in document order.</param>
internal sealed record YahooPageParts(
    string? Canonical,
    IReadOnlyList<ReadOnlyMemory<char>> NextDataScripts,
    IReadOnlyList<ReadOnlyMemory<char>> JavaScripts)
{
    public const string NextDataId = "__NEXT_DATA__";

    public static YahooPageParts FromDocument(IHtmlDocument document)
    {
        var nextData = new List<ReadOnlyMemory<char>>(1);
        var javaScripts = new List<ReadOnlyMemory<char>>();
        foreach (var script in document.Scripts)
        {
            if (script.Id == NextDataId)
            {
                nextData.Add(script.Text.AsMemory());
            }

            if (IsJavaScript(script.HasAttribute("src"), script.Type))
            {
                javaScripts.Add(script.Text.AsMemory());
            }
        }

        return new(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), nextData, javaScripts);
    }

    /// <summary>
    /// Inline and not JSON. JSON scripts (<c>__NEXT_DATA__</c> among them) carry sellers' descriptions, which may
    /// quote anything, so they are never searched for JavaScript; nor is the text of a script with a src, even an
    /// empty one, which browsers never run. A missing type reads as empty.
    /// </summary>
    public static bool IsJavaScript(bool hasSource, ReadOnlySpan<char> type) =>
        !hasSource && !type.Contains("json", StringComparison.OrdinalIgnoreCase);
}
