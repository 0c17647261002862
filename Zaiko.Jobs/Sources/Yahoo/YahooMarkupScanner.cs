using static Zaiko.Jobs.Sources.Yahoo.HtmlTokenizer;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Finds the <see cref="YahooPageParts"/> in the HTML text without building a DOM, which cost most of a check's
/// CPU. Tags, attributes, comments, raw-text elements and script ends are tokenized as the HTML standard does
/// (<see cref="HtmlTokenizer"/>); wherever tree construction could make the DOM differ from the markup as written,
/// it gives up (null) and the page goes to the DOM: foreign content (svg, math; an icon's title holding text
/// alone excepted), select, template, frameset, plaintext, a NUL, a character reference in an attribute it
/// reads, "&lt;!--" inside a script, more than one canonical link, __NEXT_DATA__ script or pageData assignment
/// (tree order can differ from source order), and legacy BEM markup, which only the DOM reader reads. AngleSharp parses without scripting, so <c>noscript</c>
/// holds markup here too.
/// </summary>
internal static class YahooMarkupScanner
{
    private static readonly string[] LegacyMarkers = ["ProductTitle__text", "ProductDetail__item"];

    private static readonly string[] RawTextElements = ["style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"];

    private static readonly string[] NeverScanned = ["frameset", "template", "plaintext"];

    /// <summary>Inside svg or math these are foreign elements or integration points: not tokenized as HTML.</summary>
    private static readonly string[] NotInForeignContent =
    [
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "link",
        "foreignobject", "annotation-xml", "mi", "mo", "mn", "ms", "mtext",
    ];

    private static readonly string[] IconTextElements = ["title", "desc"];

    /// <summary>A select ignores these start tags, so what follows them is markup, not raw text.</summary>
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
                    '?' => SkipBogusComment(html, lt + 1),
                    var c when char.IsAsciiLetter(c) => StartTag(lt + 1),
                    _ => lt + 1,
                };
            }

            return null;
        }

        private int StartTag(int start)
        {
            var name = html.AsSpan(start, TagNameEnd(html, start) - start);
            var attributes = new HtmlTagAttributes();
            var end = ReadAttributes(html, start + name.Length, ref attributes);
            if (end >= 0 && foreignDepth > 0 && NameIsAny(name, IconTextElements))
            {
                return SkipIconText(end, NameIs(name, "title") ? "title" : "desc", attributes.SelfClosing);
            }

            if (end < 0 || NameIsAny(name, NeverScanned)
                || (foreignDepth > 0 && NameIsAny(name, NotInForeignContent))
                || (inSelect && NameIsAny(name, NotInSelect))
                || (attributes.Class is { } classes && MayBeLegacyMarkup(classes.Span)))
            {
                return -1;
            }

            if (NameIs(name, "svg") || NameIs(name, "math"))
            {
                // A self-closed svg or math is popped at once; an unbalanced end tag only keeps this cautious longer.
                foreignDepth += attributes.SelfClosing ? 0 : 1;
                return end;
            }

            if (NameIs(name, "select"))
            {
                inSelect = true;
                return end;
            }

            if (NameIs(name, "link"))
            {
                return Link(attributes) ? end : -1;
            }

            if (NameIs(name, "script"))
            {
                return Script(attributes, end);
            }

            foreach (var rawText in RawTextElements)
            {
                if (NameIs(name, rawText))
                {
                    var close = RawTextEnd(html, end, rawText);
                    return close < 0 ? -1 : SkipEndTag(html, close, rawText);
                }
            }

            return end;
        }

        /// <summary>
        /// An svg icon's <c>&lt;title&gt;</c> or <c>&lt;desc&gt;</c> holding text alone: read as a foreign element or, should
        /// the svg already be closed, as RCDATA, it ends at the same end tag. Anything else inside needs the DOM.
        /// </summary>
        private int SkipIconText(int end, string name, bool selfClosing)
        {
            var next = html.IndexOf('<', end);
            return !selfClosing && next >= 0 && RawTextEnd(html, next, name) == next ? SkipEndTag(html, next, name) : -1;
        }

        private int EndTag(int start)
        {
            if (start == html.Length || html[start] == '>')
            {
                return Math.Min(start + 1, html.Length);
            }

            if (!char.IsAsciiLetter(html[start]))
            {
                return SkipBogusComment(html, start);
            }

            var name = html.AsSpan(start, TagNameEnd(html, start) - start);
            var ignored = new HtmlTagAttributes();
            var end = ReadAttributes(html, start + name.Length, ref ignored);
            if (NameIs(name, "svg") || NameIs(name, "math"))
            {
                foreignDepth = Math.Max(0, foreignDepth - 1);
            }
            else if (NameIs(name, "select"))
            {
                inSelect = false;
            }

            return end;
        }

        /// <summary>After <c>&lt;!</c>: a comment, or a doctype or bogus comment ending at the first '&gt;'.</summary>
        private int MarkupDeclaration(int start)
        {
            var rest = html.AsSpan(start);
            if (rest.StartsWith("--"))
            {
                return SkipComment(html, start + 2);
            }

            // In foreign content CDATA is text up to "]]>"; in HTML it is a bogus comment.
            return foreignDepth > 0 && rest.StartsWith("[CDATA[") ? -1 : SkipBogusComment(html, start);
        }

        /// <summary>Notes a canonical link; false when only the DOM can tell which canonical URL the page gives.</summary>
        private bool Link(HtmlTagAttributes attributes)
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

        private int Script(HtmlTagAttributes attributes, int end)
        {
            var close = RawTextEnd(html, end, "script");
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

            return nextData.Count > 1 ? -1 : SkipEndTag(html, close, "script");
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
}
