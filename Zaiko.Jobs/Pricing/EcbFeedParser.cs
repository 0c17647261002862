using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Reads the ECB daily reference rates (eurofxref-daily.xml): one <c>&lt;Cube time="YYYY-MM-DD"&gt;</c> holding a
/// <c>&lt;Cube currency="USD" rate="1.0812"/&gt;</c> per currency, each rate per 1 EUR. The whole feed is
/// rejected when anything in it is wrong, so a half-read feed never moves prices.
/// </summary>
public static class EcbFeedParser
{
    public const string BaseCurrency = "EUR";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary>
    /// The feed's EUR-based rates. The feed states a day, not a time, so <see cref="FxRate.AsOf"/> is the start of
    /// that day in UTC: that can make a rate look older than it is, never fresher.
    /// </summary>
    /// <exception cref="EcbFeedException">The XML is malformed, a required currency is missing, or a rate is not a positive number.</exception>
    public static IReadOnlyList<FxRate> Parse(string xml, IReadOnlyCollection<string> requiredCurrencies)
    {
        using var text = new StringReader(xml);
        return Parse(Load(() => XmlReader.Create(text, ReaderSettings)), requiredCurrencies);
    }

    /// <summary>As <see cref="Parse(string, IReadOnlyCollection{string})"/>; the XML declaration decides the encoding.</summary>
    public static IReadOnlyList<FxRate> Parse(Stream xml, IReadOnlyCollection<string> requiredCurrencies) =>
        Parse(Load(() => XmlReader.Create(xml, ReaderSettings)), requiredCurrencies);

    private static XDocument Load(Func<XmlReader> open)
    {
        try
        {
            using var reader = open();
            return XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new EcbFeedException($"the FX feed is not well-formed XML: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<FxRate> Parse(XDocument document, IReadOnlyCollection<string> requiredCurrencies)
    {
        var days = document.Descendants().Where(element => element.Name.LocalName == "Cube" && element.Attribute("time") is not null).ToList();
        if (days.Count != 1)
        {
            throw new EcbFeedException(days.Count == 0
                ? "the FX feed has no <Cube time=\"YYYY-MM-DD\"> element"
                : $"the FX feed has {days.Count} <Cube time=…> elements; a daily feed has exactly one");
        }

        var asOf = ParseDate(days[0].Attribute("time")!.Value);
        var rates = new List<FxRate>();
        foreach (var cube in days[0].Elements().Where(element => element.Name.LocalName == "Cube"))
        {
            var rate = ParseRate(cube, asOf);
            if (rates.Any(known => known.QuoteCurrency == rate.QuoteCurrency))
            {
                throw new EcbFeedException($"the FX feed lists {rate.QuoteCurrency} more than once");
            }

            rates.Add(rate);
        }

        var missing = requiredCurrencies.Where(currency => rates.All(rate => rate.QuoteCurrency != currency)).ToList();
        if (missing.Count > 0)
        {
            throw new EcbFeedException($"the FX feed of {asOf:yyyy-MM-dd} has no rate for {string.Join(", ", missing)}");
        }

        return rates;
    }

    private static DateTimeOffset ParseDate(string value)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new EcbFeedException($"the FX feed date '{value}' is not a date of the form YYYY-MM-DD");
        }

        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static FxRate ParseRate(XElement cube, DateTimeOffset asOf)
    {
        var currency = cube.Attribute("currency")?.Value;
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new EcbFeedException($"a rate in the FX feed has currency '{currency}', which is not a three-letter upper-case code");
        }

        var text = cube.Attribute("rate")?.Value;
        if (text is null)
        {
            throw new EcbFeedException($"the FX feed's {currency} entry has no rate");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
        {
            throw new EcbFeedException($"the FX feed's {currency} rate '{text}' is not a decimal number");
        }

        if (rate <= 0m)
        {
            throw new EcbFeedException($"the FX feed's {currency} rate is {text}; a rate must be positive");
        }

        return new FxRate(BaseCurrency, currency, rate, asOf);
    }
}
