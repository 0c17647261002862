using System.Globalization;

namespace Zaiko.Sandbox.Yahoo;

/// <summary>The time formats Yahoo! Auctions pages use, all in Japan time (UTC+9, no daylight saving).</summary>
public static class YahooTime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly string[] DayNames = ["日", "月", "火", "水", "木", "金", "土"];

    public static DateTimeOffset ToJst(DateTimeOffset time) => time.ToOffset(Jst);

    /// <summary><c>2025-10-02T21:39:11+09:00</c></summary>
    public static string Iso(DateTimeOffset time) => ToJst(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>2025-10-02 21:39:11</c></summary>
    public static string Plain(DateTimeOffset time) => ToJst(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>10月2日（木）21時39分</c></summary>
    public static string Formatted(DateTimeOffset time)
    {
        var jst = ToJst(time);
        return string.Create(CultureInfo.InvariantCulture, $"{jst.Month}月{jst.Day}日（{DayNames[(int)jst.DayOfWeek]}）{jst.Hour}時{jst.Minute:00}分");
    }

    /// <summary><c>2021.08.28（土）23:29</c>, the 2017–2023 layout's detail rows.</summary>
    public static string Legacy(DateTimeOffset time)
    {
        var jst = ToJst(time);
        return string.Create(CultureInfo.InvariantCulture, $"{jst:yyyy.MM.dd}（{DayNames[(int)jst.DayOfWeek]}）{jst:HH:mm}");
    }

    /// <summary>What the countdown shows: <c>2日</c>, <c>5時間</c>, <c>12分</c>, or <c>終了</c>.</summary>
    public static string Remaining(TimeSpan left) => left <= TimeSpan.Zero ? "終了"
        : left.TotalDays >= 1 ? $"{(int)left.TotalDays}日"
        : left.TotalHours >= 1 ? $"{(int)left.TotalHours}時間"
        : $"{Math.Max(1, (int)left.TotalMinutes)}分";

    /// <summary>The item object's <c>endStatus</c>: the site groups auctions by the Japan-time day they end.</summary>
    public static string EndStatus(DateTimeOffset endTime, DateTimeOffset now, bool ended)
    {
        if (ended)
        {
            return "closed";
        }

        var days = ToJst(endTime).Date - ToJst(now).Date;
        return days.Days switch { 0 => "today", 1 => "tomorrow", _ => "other" };
    }
}
