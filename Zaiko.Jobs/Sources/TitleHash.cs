using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Zaiko.Jobs.Sources;

/// <summary>
/// A fingerprint of a listing's title, so a different product put up under the same URL is noticed while
/// cosmetic differences (full-width letters, doubled or trailing spaces) are not.
/// </summary>
public static class TitleHash
{
    /// <summary>Unicode NFKC, then whitespace trimmed and every run of whitespace folded to one space.</summary>
    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var compatible = title.Normalize(NormalizationForm.FormKC);
        var buffer = ArrayPool<char>.Shared.Rent(compatible.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in compatible)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Normalize"/>d title.</summary>
    public static string Compute(string title)
    {
        var normalized = Normalize(title);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalized.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(normalized, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
