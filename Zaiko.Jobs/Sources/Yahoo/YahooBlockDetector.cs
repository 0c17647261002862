namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Recognises pages that answer instead of the item when the fetcher is refused: captchas, bot walls,
/// access-denied and regional-block pages. Consulted only for pages that carry no item data, so a listing
/// that mentions one of these words is never mistaken for a block.
/// </summary>
internal static class YahooBlockDetector
{
    private static readonly (string Marker, string Meaning)[] Markers =
    [
        ("captcha", "a captcha (ncaptcha, reCAPTCHA, hCaptcha and the like)"),
        ("ロボットではありません", "an \"I am not a robot\" check"),
        ("画像認証", "an image verification check"),
        ("unusual traffic", "an unusual-traffic wall"),
        ("アクセスが集中", "a too-many-requests wall"),
        ("アクセスを制限", "an access-restriction page"),
        ("Access Denied", "an access-denied page"),
        ("Request blocked", "a CDN block page"),
        ("Unable to process request", "Yahoo!'s rate-limit page"),
        ("欧州経済領域", "the EEA/UK regional block page"),
        ("challenge-platform", "a bot challenge"),
    ];

    /// <summary>Statuses that only ever mean "refused": 403, and 999, Yahoo!'s historic rate-limit answer.</summary>
    public static bool IsBlockStatus(int httpStatus) => httpStatus is 403 or 999;

    /// <summary>What kind of block page this is, or null when it does not look like one.</summary>
    public static string? Detect(string html)
    {
        foreach (var (marker, meaning) in Markers)
        {
            if (html.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return meaning;
            }
        }

        return null;
    }
}
