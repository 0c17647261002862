namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// The tokenizer rules of the HTML standard that decide where tags, comments and raw text end, on the page text
/// with CR already read as LF. Each method takes the index where its construct's content starts and returns the
/// index just after the construct, or -1 when the text ends first.
/// </summary>
internal static class HtmlTokenizer
{
    /// <summary>Where a tag name starting at <paramref name="i"/> ends: at white space, '/' or '&gt;'.</summary>
    public static int TagNameEnd(string html, int i)
    {
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads attributes after a tag name up to the tag's closing '&gt;', honouring quoted values that contain one.</summary>
    public static int ReadAttributes(string html, int i, ref HtmlTagAttributes attributes)
    {
        while (true)
        {
            i = SkipSpace(html, i);
            if (i == html.Length)
            {
                return -1;
            }

            if (html[i] == '>')
            {
                return i + 1;
            }

            if (html[i] == '/')
            {
                i++;
                if (i < html.Length && html[i] == '>')
                {
                    attributes.SelfClosing = true;
                    return i + 1;
                }

                continue;
            }

            // The first character belongs to the name even when it is '='.
            var nameStart = i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var name = html.AsSpan(nameStart, i - nameStart);
            i = SkipSpace(html, i);
            if (i == html.Length || html[i] != '=')
            {
                attributes.Add(name, ReadOnlyMemory<char>.Empty);
                continue;
            }

            i = SkipSpace(html, i + 1);
            if (i == html.Length)
            {
                return -1;
            }

            var quote = html[i];
            if (quote is '"' or '\'')
            {
                var close = html.IndexOf(quote, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                attributes.Add(name, html.AsMemory(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }

            var valueStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
            {
                i++;
            }

            attributes.Add(name, html.AsMemory(valueStart, i - valueStart));
        }
    }

    /// <summary>After <c>&lt;!--</c>: "&gt;" and "-&gt;" close it at once; otherwise the first "--&gt;" or "--!&gt;" does.</summary>
    public static int SkipComment(string html, int start)
    {
        var rest = html.AsSpan(start);
        if (rest.StartsWith(">"))
        {
            return start + 1;
        }

        if (rest.StartsWith("->"))
        {
            return start + 2;
        }

        var plain = rest.IndexOf("-->", StringComparison.Ordinal);
        var bang = rest.IndexOf("--!>", StringComparison.Ordinal);
        return (plain, bang) switch
        {
            (< 0, < 0) => -1,
            (>= 0, _) when bang < 0 || plain < bang => start + plain + 3,
            _ => start + bang + 4,
        };
    }

    /// <summary>A bogus comment, a doctype or a processing instruction: all end at the first '&gt;'.</summary>
    public static int SkipBogusComment(string html, int start)
    {
        var end = html.IndexOf('>', start);
        return end < 0 ? -1 : end + 1;
    }

    /// <summary>
    /// Where the end tag of the raw-text element <paramref name="name"/> (lower case) starts: "&lt;/" and the name in
    /// any ASCII case, then white space, '/' or '&gt;'. Script text is read this way only when it holds no "&lt;!--".
    /// </summary>
    public static int RawTextEnd(string html, int from, string name)
    {
        while (true)
        {
            var at = html.AsSpan(from).IndexOf("</", StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            var tag = from + at;
            var after = tag + 2 + name.Length;
            if (after < html.Length && NameIs(html.AsSpan(tag + 2, name.Length), name) && (IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return tag;
            }

            from = tag + 2;
        }
    }

    /// <summary>The end tag found by <see cref="RawTextEnd"/>, attributes and all.</summary>
    public static int SkipEndTag(string html, int tag, string name)
    {
        var ignored = new HtmlTagAttributes();
        return ReadAttributes(html, tag + 2 + name.Length, ref ignored);
    }

    /// <summary>Tag and attribute names fold ASCII letters only ("scrıpt" with a dotless i is not a script).</summary>
    public static bool NameIs(ReadOnlySpan<char> name, string lowerCase) =>
        name.Length == lowerCase.Length && System.Text.Ascii.EqualsIgnoreCase(name, lowerCase);

    public static bool NameIsAny(ReadOnlySpan<char> name, string[] lowerCase)
    {
        foreach (var candidate in lowerCase)
        {
            if (NameIs(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\f';

    private static int SkipSpace(string html, int i)
    {
        while (i < html.Length && IsSpace(html[i]))
        {
            i++;
        }

        return i;
    }
}
