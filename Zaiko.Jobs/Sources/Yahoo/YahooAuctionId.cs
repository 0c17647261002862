using System.Diagnostics.CodeAnalysis;
using Zaiko.Data;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Yahoo! JAPAN Auctions ids and item URLs. Only what this accepts is ever fetched, so a pasted URL cannot
/// point the fetcher at another host.
/// </summary>
public static class YahooAuctionId
{
    public const string Accepted =
        "accepted: an auction id (a letter and 9–10 digits such as o1202015332, or 9–10 digits alone) " +
        "or an https URL https://auctions.yahoo.co.jp/jp/auction/{id} (also on page.auctions.yahoo.co.jp and pageNN.auctions.yahoo.co.jp)";

    private const string ItemHost = "auctions.yahoo.co.jp";
    private const string ItemPathPrefix = "/jp/auction/";

    /// <summary>Reads an id or item URL; the id comes back in lower case.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out string? auctionId)
    {
        auctionId = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim();
        if (IsAuctionId(text))
        {
            auctionId = text.ToLowerInvariant();
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !uri.IsDefaultPort
            || uri.UserInfo.Length > 0
            || !IsItemHost(uri.Host))
        {
            return false;
        }

        var path = uri.AbsolutePath;
        if (!path.StartsWith(ItemPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = path.AsSpan(ItemPathPrefix.Length).TrimEnd('/');
        if (!IsAuctionId(id))
        {
            return false;
        }

        auctionId = id.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>Reads an id or item URL, or throws <see cref="InvalidInputException"/> saying what is accepted.</summary>
    public static string Parse(string? input) =>
        TryParse(input, out var auctionId)
            ? auctionId
            : throw new InvalidInputException("auction", $"'{input}' is not a Yahoo! Auctions item; {Accepted}");

    /// <summary>The canonical item URL every accepted form is normalised to.</summary>
    public static Uri ItemUrl(string auctionId) => new($"https://{ItemHost}{ItemPathPrefix}{ParseId(auctionId)}");

    private static string ParseId(string auctionId) =>
        IsAuctionId(auctionId)
            ? auctionId.ToLowerInvariant()
            : throw new InvalidInputException("auction", $"'{auctionId}' is not an auction id; {Accepted}");

    /// <summary><c>^[a-z]?\d{9,10}$</c>, case-insensitively.</summary>
    private static bool IsAuctionId(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && char.IsAsciiLetter(text[0]) ? text[1..] : text;
        return digits.Length is 9 or 10 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>auctions.yahoo.co.jp, page.auctions.yahoo.co.jp and pageN/pageNN.auctions.yahoo.co.jp.</summary>
    private static bool IsItemHost(string host)
    {
        if (host.Equals(ItemHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!host.EndsWith("." + ItemHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var label = host.AsSpan(0, host.Length - ItemHost.Length - 1);
        if (!label.StartsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var number = label[4..];
        return number.Length <= 2 && !number.ContainsAnyExceptInRange('0', '9');
    }
}
