using System.Globalization;
using System.Text.Json;

namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// Lenient readers for the values Yahoo! pages carry: numbers as JSON numbers or strings ("100", "0.000000",
/// "34,840円", "（税込 38,324 円）"), and times with or without an offset (times without one are JST).
/// </summary>
internal static class YahooValues
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>The first number in the text, commas dropped: "34,840円" is 34840, "0.000000" is 0.</summary>
    public static decimal? Money(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return null;
        }

        Span<char> digits = stackalloc char[32];
        var length = 0;
        var seenPoint = false;
        for (var i = start; i < text.Length && length < digits.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
            }
            else if (c == '.' && !seenPoint && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                digits[length++] = c;
                seenPoint = true;
            }
            else if (c != ',')
            {
                break;
            }
        }

        return decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A whole count ("11", "11件", 11); fractions are not counts.</summary>
    public static int? Count(ReadOnlySpan<char> text) => ToCount(Money(text));

    public static decimal? Money(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var value) => value,
        JsonValueKind.String => Money(element.GetString()),
        _ => null,
    };

    public static int? Count(JsonElement element) => ToCount(Money(element));

    /// <summary>A positive amount, or null: Yahoo! writes "no buy-now price" as 0 ("0.000000", "0").</summary>
    public static decimal? PositiveMoney(JsonElement element) => Money(element) is > 0 and var value ? value : null;

    /// <summary>ISO-8601 with an offset, or any "y m d h m [s]" digit layout read as JST ("2021.08.28（土）23:29").</summary>
    public static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            return iso;
        }

        Span<int> parts = stackalloc int[6];
        var count = 0;
        var span = trimmed.AsSpan();
        while (count < parts.Length)
        {
            var start = span.IndexOfAnyInRange('0', '9');
            if (start < 0)
            {
                break;
            }

            span = span[start..];
            var end = span.IndexOfAnyExceptInRange('0', '9');
            var run = end < 0 ? span : span[..end];
            if (run.Length > 4 || !int.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out parts[count]))
            {
                return null;
            }

            count++;
            span = end < 0 ? [] : span[end..];
        }

        return count >= 5 ? JapanTime(parts[0], parts[1], parts[2], parts[3], parts[4], count == 6 ? parts[5] : 0) : null;
    }

    public static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()?.Trim() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    /// <summary>A property of an object, or an Undefined element when the object or the property is missing.</summary>
    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The first of the named properties whose value is present and not null.</summary>
    public static JsonElement FirstProperty(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var value = Property(element, name);
            if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            {
                return value;
            }
        }

        return default;
    }

    private static int? ToCount(decimal? value) =>
        value is { } number && number == decimal.Truncate(number) && number <= int.MaxValue ? (int)number : null;

    private static DateTimeOffset? JapanTime(int year, int month, int day, int hour, int minute, int second)
    {
        var valid = year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59 && second is >= 0 and <= 59;
        return valid ? new DateTimeOffset(year, month, day, hour, minute, second, JapanOffset) : null;
    }
}
