using System.Text.Json;

namespace Zaiko.Tests.Sandbox;

/// <summary>
/// Compares JSON by shape, not values: the set of paths (<c>payload.Offers[].ListingPrice.Amount</c>) and the kind of
/// value at each (object, array, string, number, boolean). Null matches any kind.
/// </summary>
public static class JsonShape
{
    public static Dictionary<string, HashSet<string>> Paths(JsonElement element)
    {
        var paths = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Collect(element, "$", paths);
        return paths;
    }

    /// <summary>
    /// The actual document has every path of the primary example with the same kind, and no path or kind that none of
    /// the examples of the operation has.
    /// </summary>
    public static void AssertConforms(JsonElement actual, JsonElement primary, params JsonElement[] others)
    {
        var actualPaths = Paths(actual);
        var allowed = Paths(primary);
        foreach (var other in others)
        {
            foreach (var (path, kinds) in Paths(other))
            {
                allowed.TryAdd(path, []);
                allowed[path].UnionWith(kinds);
            }
        }

        var problems = new List<string>();
        foreach (var (path, kinds) in Paths(primary))
        {
            if (!actualPaths.TryGetValue(path, out var found))
            {
                problems.Add($"missing {path} ({string.Join('|', kinds)})");
            }
            else if (!Compatible(found, kinds))
            {
                problems.Add($"{path} is {string.Join('|', found)}, the example has {string.Join('|', kinds)}");
            }
        }

        foreach (var (path, kinds) in actualPaths)
        {
            if (!allowed.TryGetValue(path, out var expected))
            {
                problems.Add($"unexpected {path} ({string.Join('|', kinds)})");
            }
            else if (!Compatible(kinds, expected))
            {
                problems.Add($"{path} is {string.Join('|', kinds)}, the examples have {string.Join('|', expected)}");
            }
        }

        Assert.True(problems.Count == 0, "JSON shape differs from the official example:\n" + string.Join('\n', problems));
    }

    private static bool Compatible(HashSet<string> actual, HashSet<string> expected) =>
        actual.Contains("null") || expected.Contains("null") || actual.Overlaps(expected);

    private static void Collect(JsonElement element, string path, Dictionary<string, HashSet<string>> paths)
    {
        paths.TryAdd(path, []);
        paths[path].Add(Kind(element));
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, path + "." + property.Name, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, path + "[]", paths);
                }

                break;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
