namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// The attributes of one tag that <see cref="YahooMarkupScanner"/> reads, as written (character references are
/// not decoded); as in the HTML parser, the first of duplicate attributes counts.
/// </summary>
internal struct HtmlTagAttributes
{
    public ReadOnlyMemory<char>? Id;
    public ReadOnlyMemory<char>? Class;
    public ReadOnlyMemory<char>? Type;
    public ReadOnlyMemory<char>? Source;
    public ReadOnlyMemory<char>? Rel;
    public ReadOnlyMemory<char>? Href;
    public bool SelfClosing;

    public void Add(ReadOnlySpan<char> name, ReadOnlyMemory<char> value)
    {
        if (HtmlTokenizer.NameIs(name, "id"))
        {
            Id ??= value;
        }
        else if (HtmlTokenizer.NameIs(name, "class"))
        {
            Class ??= value;
        }
        else if (HtmlTokenizer.NameIs(name, "type"))
        {
            Type ??= value;
        }
        else if (HtmlTokenizer.NameIs(name, "src"))
        {
            Source ??= value;
        }
        else if (HtmlTokenizer.NameIs(name, "rel"))
        {
            Rel ??= value;
        }
        else if (HtmlTokenizer.NameIs(name, "href"))
        {
            Href ??= value;
        }
    }
}
