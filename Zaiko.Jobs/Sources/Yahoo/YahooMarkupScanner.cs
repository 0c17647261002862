namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Finds the <see cref="YahooPageParts"/> in the HTML text without building a DOM, which cost most of a check's
/// CPU. Tags, attributes, comments, raw-text elements and script ends are tokenized as the HTML standard does;
/// wherever tree construction could make the DOM differ from the markup as written, it gives up (null) and the
/// page goes to the DOM: foreign content (svg, math), select, template, frameset, plaintext, a NUL, a character
/// reference in an attribute it reads, "&lt;!--" inside a script, more than one canonical link, __NEXT_DATA__ script
/// or pageData assignment (tree order can differ from source order), and legacy BEM markup, which only the DOM
/// reader reads. AngleSharp parses without scripting, so <c>noscript</c> holds markup here too.
/// </summary>
internal static class YahooMarkupScanner
{
    private static readonly string[] LegacyMarkers = ["ProductTitle__text", "ProductDetail__item"];

    private static readonly string[] RawTextElements = ["style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"];

    private static readonly string[] NeverScanned = ["frameset", "template", "plaintext"];

    /// <summary>Inside svg or math these are foreign elements or integration points: not tokenized as HTML.</summary>
    private static readonly string[] NotInForeignContent =
    [
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "link",
        "foreignobject", "desc", "annotation-xml", "mi", "mo", "mn", "ms", "mtext",
    ];

    /// <summary>A select ignores these start tags, so their content is markup, not raw text.</summary>
    private static readonly string[] NotInSelect = ["style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "link", "svg", "math"];

    /// <summary>The page's parts, or null when only the DOM can tell what they are.</summary>
    public static YahooPageParts? TryScan(string html)
    {
        if (html.Contains('\0'))
        {
            return null;
        }

        if (html.Contains('\r'))
        {
            // The parser reads CRLF and CR as LF before tokenizing; script text must come out the same.
            html = html.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return new Scan(html).Run();
    }

    private sealed class Scan(string html)
    {
        private readonly List<ReadOnlyMemory<char>> nextData = new(1);
        private readonly List<ReadOnlyMemory<char>> javaScripts = [];
        private string? canonical;
        private bool canonicalSeen;
        private int foreignDepth;
        private bool inSelect;

        public YahooPageParts? Run()
        {
            var i = 0;
            while (i >= 0)
            {
                var lt = html.IndexOf('<', i);
                if (lt < 0 || lt + 1 == html.Length)
                {
                    return YahooPageDataReader.CountAssignments(javaScripts) > 1 ? null : new(canonical, nextData, javaScripts);
                }

                i = html[lt + 1] switch
                {
                    '/' => EndTag(lt + 2),
                    '!' => MarkupDeclaration(lt + 2),
                    '?' => BogusComment(lt + 1),
                    var c when char.IsAsciiLetter(c) => StartTag(lt + 1),
                    _ => lt + 1,
                };
            }

            return null;
        }

        private int StartTag(int start)
        {
            var name = html.AsSpan(start, NameEnd(start) - start);
            var attributes = new Attributes();
            var end = ReadAttributes(start + name.Length, ref attributes);
            if (end < 0 || IsAny(name, NeverScanned)
                || (foreignDepth > 0 && IsAny(name, NotInForeignContent))
                || (inSelect && IsAny(name, NotInSelect)))
            {
                return -1;
            }

            if (attributes.Class is { } classes && MayBeLegacyMarkup(classes.Span))
            {
                return -1;
            }

            if (Is(name, "svg") || Is(name, "math"))
            {
                // A self-closed svg or math is popped at once; an unbalanced close only keeps this cautious longer.
                foreignDepth += attributes.SelfClosing ? 0 : 1;
                return end;
            }

            if (Is(name, "select"))
            {
                inSelect = true;
                return end;
            }

            if (Is(name, "link"))
            {
                return Link(attributes) ? end : -1;
            }

            if (Is(name, "script"))
            {
                return Script(attributes, end);
            }

            foreach (var rawText in RawTextElements)
            {
                if (Is(name, rawText))
                {
                    var close = Close(end, rawText);
                    return close < 0 ? -1 : SkipEndTag(close, rawText);
                }
            }

            return end;
        }

        /// <summary>Notes a canonical link; false when only the DOM can tell which canonical URL it gives.</summary>
        private bool Link(Attributes attributes)
        {
            if (attributes.Rel is not { } rel)
            {
                return true;
            }

            if (rel.Span.Contains('&'))
            {
                return false;
            }

            if (!rel.Span.Equals("canonical", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // A case variant would need the selector's own case rules; a second canonical, the DOM's order.
            if (!rel.Span.SequenceEqual("canonical") || canonicalSeen || attributes.Href is { } href && href.Span.Contains('&'))
            {
                return false;
            }

            (canonical, canonicalSeen) = (attributes.Href?.ToString(), true);
            return true;
        }

        private int Script(Attributes attributes, int end)
        {
            var close = Close(end, "script");
            if (close < 0)
            {
                return -1;
            }

            var text = html.AsMemory(end, close - end);
            var id = (attributes.Id ?? default).Span;
            var type = (attributes.Type ?? default).Span;
            if (text.Span.Contains("<!--", StringComparison.Ordinal) || id.Contains('&') || type.Contains('&'))
            {
                // "<!--" can keep a later "</script>" from closing the script; entities would need decoding.
                return -1;
            }

            if (id.SequenceEqual(YahooPageParts.NextDataId))
            {
                nextData.Add(text);
            }

            if (YahooPageParts.IsJavaScript(attributes.Source is not null, type))
            {
                javaScripts.Add(text);
            }

            return nextData.Count > 1 ? -1 : SkipEndTag(close, "script");
        }

        private int EndTag(int start)
        {
            if (start == html.Length || html[start] == '>')
            {
                return Math.Min(start + 1, html.Length);
            }

            if (!char.IsAsciiLetter(html[start]))
            {
                return BogusComment(start);
            }

            var name = html.AsSpan(start, NameEnd(start) - start);
            var attributes = new Attributes();
            var end = ReadAttributes(start + name.Length, ref attributes);
            if (Is(name, "svg") || Is(name, "math"))
            {
                foreignDepth = Math.Max(0, foreignDepth - 1);
            }
            else if (Is(name, "select"))
            {
                inSelect = false;
            }

            return end;
        }

        /// <summary>After <c>&lt;!</c>: a comment, a doctype or a bogus comment, all of which end at a '&gt;'.</summary>
        private int MarkupDeclaration(int start)
        {
            var rest = html.AsSpan(start);
            if (rest.StartsWith("--"))
            {
                return Comment(start + 2);
            }

            // In foreign content CDATA is text up to "]]>"; in HTML it is a bogus comment.
            return foreignDepth > 0 && rest.StartsWith("[CDATA[") ? -1 : BogusComment(start);
        }

        /// <summary>After <c>&lt;!--</c>: "&gt;" and "-&gt;" close at once; otherwise the first "--&gt;" or "--!&gt;" does.</summary>
        private int Comment(int start)
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

        private int BogusComment(int start)
        {
            var end = html.IndexOf('>', start);
            return end < 0 ? -1 : end + 1;
        }

        /// <summary>Where the end tag of the raw-text element <paramref name="name"/> starts, or -1.</summary>
        private int Close(int from, string name)
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
                if (after < html.Length && Is(html.AsSpan(tag + 2, name.Length), name) && (IsSpace(html[after]) || html[after] is '/' or '>'))
                {
                    return tag;
                }

                from = tag + 2;
            }
        }

        private int SkipEndTag(int close, string name)
        {
            var ignored = new Attributes();
            return ReadAttributes(close + 2 + name.Length, ref ignored);
        }

        private int NameEnd(int i)
        {
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
            {
                i++;
            }

            return i;
        }

        /// <summary>Reads attributes up to the tag's closing '&gt;' and returns the index after it, or -1 at the end of the text.</summary>
        private int ReadAttributes(int i, ref Attributes attributes)
        {
            while (true)
            {
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

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
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i == html.Length || html[i] != '=')
                {
                    attributes.Add(name, ReadOnlyMemory<char>.Empty);
                    continue;
                }

                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

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
    }

    /// <summary>The attributes the readers use; as in the parser, the first of duplicates counts.</summary>
    private struct Attributes
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
            if (Is(name, "id"))
            {
                Id ??= value;
            }
            else if (Is(name, "class"))
            {
                Class ??= value;
            }
            else if (Is(name, "type"))
            {
                Type ??= value;
            }
            else if (Is(name, "src"))
            {
                Source ??= value;
            }
            else if (Is(name, "rel"))
            {
                Rel ??= value;
            }
            else if (Is(name, "href"))
            {
                Href ??= value;
            }
        }
    }

    /// <summary>A class attribute naming a legacy BEM block, or one whose character references would need decoding.</summary>
    private static bool MayBeLegacyMarkup(ReadOnlySpan<char> classes)
    {
        if (classes.Contains('&'))
        {
            return true;
        }

        foreach (var marker in LegacyMarkers)
        {
            if (classes.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\f';

    /// <summary>Tag and attribute names fold ASCII letters only ("scrıpt" with a dotless i is not a script).</summary>
    private static bool Is(ReadOnlySpan<char> name, string lowerCase) =>
        name.Length == lowerCase.Length && System.Text.Ascii.EqualsIgnoreCase(name, lowerCase);

    private static bool IsAny(ReadOnlySpan<char> name, string[] lowerCase)
    {
        foreach (var candidate in lowerCase)
        {
            if (Is(name, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
