using System.Buffers;
using System.Text;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>Builds a UTF-8 page in one growing buffer: markup, escaped text and raw JSON, no intermediate strings.</summary>
public sealed class PageWriter(int initialCapacity)
{
    public ArrayBufferWriter<byte> Buffer { get; } = new(initialCapacity);

    public PageWriter Raw(ReadOnlySpan<byte> utf8)
    {
        Buffer.Write(utf8);
        return this;
    }

    public PageWriter Raw(string text)
    {
        Encoding.UTF8.GetBytes(text.AsSpan(), Buffer);
        return this;
    }

    /// <summary>Text or attribute value with the five HTML-significant characters escaped; Japanese stays as is, as on the real site.</summary>
    public PageWriter Text(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                _ => null,
            };
            if (entity is null)
            {
                continue;
            }

            Encoding.UTF8.GetBytes(text.AsSpan(start, i - start), Buffer);
            Raw(entity);
            start = i + 1;
        }

        Encoding.UTF8.GetBytes(text.AsSpan(start), Buffer);
        return this;
    }

    public byte[] ToArray() => Buffer.WrittenSpan.ToArray();
}
