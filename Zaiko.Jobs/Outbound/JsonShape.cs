using System.Text.Json;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The fields a connector's mapping reads from a JSON response, with the kind of each, checked before anything is
/// mapped: a marketplace that changes its answers must show up as "unexpected response shape" naming the fields,
/// never as a misread price or a stock of zero. Paths are property names joined by dots; <c>name[]</c> applies the
/// rest of the path to every element of that array (an empty array satisfies it), e.g.
/// <c>payload.Offers[].ListingPrice.Amount</c>. Immutable, so one instance can be shared by every request.
/// </summary>
public sealed class JsonShape
{
    public static readonly JsonShape Empty = new([]);

    private readonly Field[] fields;

    private JsonShape(Field[] fields) => this.fields = fields;

    /// <summary>A shape that also needs <paramref name="path"/> to hold a value of <paramref name="kind"/>.</summary>
    public JsonShape Require(string path, JsonKind kind) => With(path, kind, required: true);

    /// <summary>A shape that lets <paramref name="path"/> be absent or null, but not of another kind.</summary>
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
    public static string Describe(IReadOnlyList<string> problems) => "unexpected response shape: " + string.Join("; ", problems);

    private JsonShape With(string path, JsonKind kind, bool required)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('.');
        if (segments.Any(segment => segment.Length == 0 || segment == "[]"))
        {
            throw new ArgumentException($"'{path}' is not a path of property names", nameof(path));
        }

        return new JsonShape([.. fields, new Field(segments, kind, required)]);
    }

    private static void Walk(JsonElement element, Field field, int depth, string at, List<string> problems)
    {
        var segment = field.Segments[depth];
        var each = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = each ? segment[..^2] : segment;
        var path = at.Length == 0 ? name : $"{at}.{name}";
        var last = depth == field.Segments.Length - 1;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            // An optional field's parents are as optional as the field itself.
            if (field.Required)
            {
                problems.Add(element.ValueKind == JsonValueKind.Object
                    ? $"{path} is missing"
                    : $"{(at.Length == 0 ? "the body" : at)} is {KindOf(element)}, not an object");
            }

            return;
        }

        if (each)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path} is {KindOf(value)}, not an array");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                if (last)
                {
                    Expect(item, field.Kind, itemPath, problems);
                }
                else
                {
                    Walk(item, field, depth + 1, itemPath, problems);
                }
            }

            return;
        }

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
        JsonKind.Object or JsonKind.Array => "an " + kind.ToString().ToLowerInvariant(),
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private sealed record Field(string[] Segments, JsonKind Kind, bool Required);
}
