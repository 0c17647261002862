using System.Diagnostics.CodeAnalysis;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>Amazon Standard Identification Numbers: ten letters or digits (B0… or an ISBN-10). Only these are ever put into a request path.</summary>
public static class AmazonAsin
{
    public const string Accepted = "an ASIN is 10 letters or digits, such as B07PTMKYS7";

    /// <summary>Reads an ASIN, trimmed and in upper case as Amazon writes them.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out string? asin)
    {
        var text = input?.Trim() ?? "";
        asin = text.Length == 10 && text.All(char.IsAsciiLetterOrDigit) ? text.ToUpperInvariant() : null;
        return asin is not null;
    }
}
