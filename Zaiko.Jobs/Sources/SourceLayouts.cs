namespace Zaiko.Jobs.Sources;

/// <summary>Where a source observation's data came from, so a layout change shows up in the stored observations.</summary>
public static class SourceLayouts
{
    /// <summary>The Next.js <c>__NEXT_DATA__</c> JSON of the item page.</summary>
    public const string NextData = "next-data";

    /// <summary>The <c>var pageData = {items:{…}}</c> script of the item page.</summary>
    public const string PageData = "page-data";

    /// <summary>The 2017–2023 BEM-class markup of the item page.</summary>
    public const string LegacyDom = "legacy-dom";

    /// <summary>A marketplace API response rather than a page.</summary>
    public const string Api = "api";
}
