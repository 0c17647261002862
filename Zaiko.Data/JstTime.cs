using System.Globalization;

namespace Zaiko.Data;

/// <summary>
/// Times as staff read them: Japan Standard Time. Stored times stay UTC; only messages, views and the recurring
/// jobs' crons use JST, and all of them take the zone from here.
/// </summary>
public static class JstTime
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateTimeOffset ToJst(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Tokyo);

    /// <summary>"2026-11-28 12:00:05 JST".</summary>
    public static string Format(DateTimeOffset time) => ToJst(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " JST";

    /// <summary>The first instant of a JST calendar day.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Tokyo.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>"2026-11-28 (土)".</summary>
    public static string FormatDay(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + "日月火水木金土"[(int)day.DayOfWeek] + ")";
}
