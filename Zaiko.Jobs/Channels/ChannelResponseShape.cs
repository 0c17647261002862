using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zaiko.Jobs.Channels;

/// <summary>
/// Checks that a channel's JSON answer holds the fields a mapping reads, with the kinds it expects, before
/// anything is mapped: a changed or truncated answer becomes a named, non-retryable failure instead of a
/// half-mapped result or an exception. A field is a dotted path with a kind, e.g.
/// <c>responses[].errors?[].errorId:integer</c>: <c>[]</c> checks every element of an array, <c>[0]</c> the first,
/// and <c>?</c> marks a field that may be absent or null (what follows it is checked only when it is there).
/// Kinds: object, array, string, number, integer, boolean.
/// </summary>
public static partial class ChannelResponseShape
{
    public const string Prefix = "unexpected response shape: ";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Parses <paramref name="body"/>, checks <paramref name="fields"/> and deserialises it into <typeparamref name="T"/>.</summary>
    public static bool TryRead<T>(string body, string[] fields, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? problem)
        where T : class
    {
        value = null;
        if (!TryParse(body, out var root, out problem))
        {
            return false;
        }

        problem = Check(root, fields);
        if (problem is not null)
        {
            return false;
        }

        try
        {
            value = root.Deserialize<T>(Web);
        }
        catch (JsonException ex)
        {
            problem = Prefix + $"unreadable value at {ex.Path}";
            return false;
        }

        problem = value is null ? Prefix + "null" : null;
        return value is not null;
    }

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
            problem = Prefix + "the body is not valid JSON";
            return false;
        }
    }

    /// <summary>Null when every field is there with its kind; otherwise "unexpected response shape: missing …" naming each.</summary>
    public static string? Check(JsonElement root, params string[] fields)
    {
        var missing = Missing(root, fields);
        return missing.Count == 0 ? null : Prefix + "missing " + string.Join(", ", missing);
    }

    /// <summary>The fields absent, null or of another kind, each named once as "path (kind)".</summary>
    public static IReadOnlyList<string> Missing(JsonElement root, params string[] fields)
    {
        var missing = new List<string>();
        foreach (var field in fields)
        {
            var separator = field.LastIndexOf(':');
            var (path, kind) = separator < 0 ? (field, "") : (field[..separator], field[(separator + 1)..]);
            if (!Holds(root, path.Split('.'), 0, kind))
            {
                missing.Add($"{path.Replace("?", "", StringComparison.Ordinal)} ({kind})");
            }
        }

        return missing;
    }

    private static bool Holds(JsonElement element, string[] segments, int index, string kind)
    {
        if (index == segments.Length)
        {
            return IsKind(element, kind);
        }

        var segment = SegmentPattern().Match(segments[index]);
        if (!segment.Success)
        {
            throw new ArgumentException($"invalid field segment '{segments[index]}'", nameof(segments));
        }

        var optional = segment.Groups["optional"].Success;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(segment.Groups["name"].Value, out var child) || child.ValueKind == JsonValueKind.Null)
        {
            return optional && element.ValueKind == JsonValueKind.Object;
        }

        if (!segment.Groups["index"].Success)
        {
            return Holds(child, segments, index + 1, kind);
        }

        if (child.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var position = segment.Groups["index"].Value;
        if (position.Length == 0)
        {
            return child.EnumerateArray().All(item => Holds(item, segments, index + 1, kind));
        }

        var at = int.Parse(position, System.Globalization.CultureInfo.InvariantCulture);
        return at < child.GetArrayLength() && Holds(child[at], segments, index + 1, kind);
    }

    private static bool IsKind(JsonElement element, string kind) => kind switch
    {
        "object" => element.ValueKind == JsonValueKind.Object,
        "array" => element.ValueKind == JsonValueKind.Array,
        "string" => element.ValueKind == JsonValueKind.String,
        "number" => element.ValueKind == JsonValueKind.Number,
        "integer" => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _),
        "boolean" => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => throw new ArgumentException($"unknown kind '{kind}'", nameof(kind)),
    };

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<optional>\?)?(?:\[(?<index>\d*)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
