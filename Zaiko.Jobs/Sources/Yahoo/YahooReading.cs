namespace Zaiko.Jobs.Sources.Yahoo;

/// <summary>
/// The outcome of one reader: nothing of its kind on the page, an item, a problem that lets the next reader
/// try (<see cref="StopsParsing"/> false), or a problem that makes the whole page untrustworthy (true).
/// </summary>
internal sealed record YahooReading(YahooItem? Item, string? Problem, bool StopsParsing)
{
    public static readonly YahooReading Absent = new(null, null, false);

    public static YahooReading Found(YahooItem item) => new(item, null, false);

    /// <summary>Present but unreadable (malformed JSON, say): the next reader may still read the page.</summary>
    public static YahooReading Unreadable(string problem) => new(null, problem, false);

    /// <summary>Readable but contradictory or about another auction: no verdict may be drawn from this page.</summary>
    public static YahooReading Rejected(string problem) => new(null, problem, true);
}
