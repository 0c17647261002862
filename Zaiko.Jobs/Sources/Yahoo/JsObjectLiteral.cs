using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Cuts a JavaScript object literal out of script text and rewrites it as JSON: bare keys are quoted and
/// single-quoted strings become double-quoted. Real <c>pageData</c> blocks are JSON already and pass through
/// unchanged; older and hand-edited pages are not always, and a fallback must not fail on quoting alone.
/// </summary>
internal static class JsObjectLiteral
{
    /// <summary>Reads the literal that opens at <c>script[0] == '{'</c>, stopping at its matching brace.</summary>
    public static bool TryConvert(ReadOnlySpan<char> script, [NotNullWhen(true)] out string? json)
    {
        json = null;
        if (script.IsEmpty || script[0] != '{')
        {
            return false;
        }

        var output = new StringBuilder(Math.Min(script.Length, 8192));
        var depth = 0;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is '"' or '\'')
            {
                i = CopyString(script, i, output);
                if (i < 0)
                {
                    return false;
                }
            }
            else if (c is '{' or '[')
            {
                depth++;
                output.Append(c);
                i++;
            }
            else if (c is '}' or ']')
            {
                depth--;
                output.Append(c);
                i++;
                if (depth == 0)
                {
                    json = output.ToString();
                    return true;
                }
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$')
            {
                i = CopyIdentifier(script, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return false;
    }

    /// <summary>Copies the string opening at <paramref name="start"/> as a JSON string; returns the index after it, or -1.</summary>
    private static int CopyString(ReadOnlySpan<char> script, int start, StringBuilder output)
    {
        var quote = script[start];
        output.Append('"');
        for (var i = start + 1; i < script.Length; i++)
        {
            var c = script[i];
            if (c == quote)
            {
                output.Append('"');
                return i + 1;
            }

            if (c is '\n' or '\r')
            {
                return -1;
            }

            if (c == '\\' && i + 1 < script.Length)
            {
                var escaped = script[++i];
                if (escaped == '\'')
                {
                    output.Append('\'');
                }
                else
                {
                    output.Append('\\').Append(escaped);
                }
            }
            else if (c == '"')
            {
                output.Append("\\\"");
            }
            else
            {
                output.Append(c);
            }
        }

        return -1;
    }

    /// <summary>Copies a bare word, quoting it when it is a key (followed by a colon); true/false/null stay as they are.</summary>
    private static int CopyIdentifier(ReadOnlySpan<char> script, int start, StringBuilder output)
    {
        var end = start + 1;
        while (end < script.Length && (char.IsAsciiLetterOrDigit(script[end]) || script[end] is '_' or '$'))
        {
            end++;
        }

        var next = end;
        while (next < script.Length && char.IsWhiteSpace(script[next]))
        {
            next++;
        }

        var word = script[start..end];
        if (next < script.Length && script[next] == ':')
        {
            output.Append('"').Append(word).Append('"');
        }
        else
        {
            output.Append(word);
        }

        return end;
    }
}
