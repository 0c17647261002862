using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The fields a connector's mapping reads from a JSON response, with the kind of each, checked before anything is
/// mapped: a marketplace that changes its answers must show up as "unexpected response shape" naming the fields,
/// never as a misread price or a stock of zero. Paths are property names joined by dots. A segment may end in
/// <c>[]</c> (the rest of the path applies to every element of that array; an empty array satisfies it), in
/// <c>[N]</c> (the rest applies to element N, which must exist), and may carry <c>?</c> before either (the property
/// may be absent or null; what follows is checked only when it is there), e.g.
/// <c>payload.Offers[].ListingPrice.Amount</c>, <c>responses[].errors?[].errorId</c>, <c>our_price[0].schedule</c>.
/// Immutable, so one instance can be shared by every request.
/// </summary>
public sealed partial class JsonShape
{
    public const string Prefix = "unexpected response shape: ";

    public static readonly JsonShape Empty = new([]);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Field[] fields;

    private JsonShape(Field[] fields) => this.fields = fields;

    /// <summary>A shape that also needs <paramref name="path"/> to hold a value of <paramref name="kind"/>.</summary>
    public JsonShape Require(string path, JsonKind kind) => With(path, kind, required: true);

    /// <summary>A shape that lets <paramref name="path"/> (and its parents) be absent or null, but not of another kind.</summary>
    public JsonShape Allow(string path, JsonKind kind) => With(path, kind, required: false);

    /// <summary>
    /// What the document lacks, one line per field ("payload.Offers[2].ShippingTime.availabilityType is missing",
    /// "payload.Summary.TotalOfferCount is a string, not a number"); empty when it has every field.
    /// </summary>
    /// <param name="prefix">Prepended to reported paths when <paramref name="root"/> sits inside a larger document.</param>
    public IReadOnlyList<string> Check(JsonElement root, string prefix = "")
    {
        var problems = new List<string>();
        foreach (var field in fields)
        {
            Walk(root, field, 0, prefix, problems);
        }

        // A missing parent is reported once, not once per field below it.
        return problems.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>"unexpected response shape: …" for <paramref name="problems"/>, as observations and logs state it.</summary>
    public static string Describe(IReadOnlyList<string> problems) => Prefix + string.Join("; ", problems);

    /// <summary>Parses <paramref name="body"/>, checks it against this shape and deserialises it (web casing) into <typeparamref name="T"/>.</summary>
    public bool TryRead<T>(string body, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? problem)
        where T : class
    {
        value = null;
        if (!TryParse(body, out var root, out problem))
        {
            return false;
        }

        var problems = Check(root);
        if (problems.Count > 0)
        {
            problem = Describe(problems);
            return false;
        }

        try
        {
            value = root.Deserialize<T>(Web);
        }
        catch (JsonException ex)
        {
            problem = Describe([$"unreadable value at {ex.Path}"]);
            return false;
        }

        problem = value is null ? Describe(["the body is null"]) : null;
        return value is not null;
    }

    /// <summary>The document of <paramref name="body"/>, or "unexpected response shape: the body is not valid JSON".</summary>
    public static bool TryParse(string body, out JsonElement root, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            problem = null;
            return true;
        }
        catch (JsonException)
        {
            root = default;
            problem = Describe(["the body is not valid JSON"]);
            return false;
        }
    }

    private JsonShape With(string path, JsonKind kind, bool required)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('.').Select(text => SegmentPattern().Match(text)).ToArray();
        if (segments.Any(match => !match.Success))
        {
            throw new ArgumentException($"'{path}' is not a path of property names", nameof(path));
        }

        return new JsonShape([.. fields, new Field(segments.Select(Segment.From).ToArray(), kind, required)]);
    }

    private static void Walk(JsonElement element, Field field, int depth, string at, List<string> problems)
    {
        var segment = field.Segments[depth];
        var path = at.Length == 0 ? segment.Name : $"{at}.{segment.Name}";
        var last = depth == field.Segments.Length - 1;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment.Name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            // An allowed field's parents are as optional as the field itself; a '?' segment only when its parent is an object.
            if (field.Required && !(segment.Optional && element.ValueKind == JsonValueKind.Object))
            {
                problems.Add(element.ValueKind == JsonValueKind.Object
                    ? $"{path} is missing"
                    : $"{(at.Length == 0 ? "the body" : at)} is {KindOf(element)}, not an object");
            }

            return;
        }

        if (segment.Each || segment.Index is not null)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path} is {KindOf(value)}, not an array");
                return;
            }

            var items = value.EnumerateArray().Select((item, index) => (item, index));
            if (segment.Index is { } wanted)
            {
                if (wanted >= value.GetArrayLength())
                {
                    problems.Add($"{path}[{wanted}] is missing");
                    return;
                }

                items = [(value[wanted], wanted)];
            }

            foreach (var (item, index) in items)
            {
                Next(item, field, depth, last, $"{path}[{index}]", problems);
            }

            return;
        }

        Next(value, field, depth, last, path, problems);
    }

    private static void Next(JsonElement value, Field field, int depth, bool last, string path, List<string> problems)
    {
        if (last)
        {
            Expect(value, field.Kind, path, problems);
        }
        else
        {
            Walk(value, field, depth + 1, path, problems);
        }
    }

    private static void Expect(JsonElement value, JsonKind kind, string path, List<string> problems)
    {
        var matches = kind switch
        {
            JsonKind.String => value.ValueKind == JsonValueKind.String,
            JsonKind.Number => value.ValueKind == JsonValueKind.Number,
            JsonKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            JsonKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            JsonKind.Object => value.ValueKind == JsonValueKind.Object,
            _ => value.ValueKind == JsonValueKind.Array,
        };
        if (!matches)
        {
            problems.Add($"{path} is {KindOf(value)}, not {Article(kind)}");
        }
    }

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Article(JsonKind kind) => kind switch
    {
        JsonKind.Object or JsonKind.Array or JsonKind.Integer => "an " + kind.ToString().ToLowerInvariant(),
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^(?<name>[^.?\[\]]+)(?<optional>\?)?(?:\[(?<index>\d*)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();

    private sealed record Field(Segment[] Segments, JsonKind Kind, bool Required);

    private sealed record Segment(string Name, bool Optional, bool Each, int? Index)
    {
        public static Segment From(Match match)
        {
            var index = match.Groups["index"];
            return new Segment(
                match.Groups["name"].Value,
                match.Groups["optional"].Success,
                index.Success && index.Length == 0,
                index.Success && index.Length > 0 ? int.Parse(index.Value, CultureInfo.InvariantCulture) : null);
        }
    }
}
