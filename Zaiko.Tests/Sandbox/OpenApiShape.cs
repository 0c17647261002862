using System.Text.Json;

namespace Zaiko.Tests.Sandbox;

/// <summary>
/// Checks a JSON document against an OpenAPI schema fragment: every property must be declared (following
/// <c>$ref</c>s) with a matching type. For contracts published as schemas without example payloads (eBay).
/// </summary>
public static class OpenApiShape
{
    public static void Check(JsonElement value, JsonElement schemas, string schemaName, string path, List<string> problems) =>
        CheckValue(value, schemas.GetProperty(schemaName), schemas, path, problems);

    private static void CheckValue(JsonElement value, JsonElement schema, JsonElement schemas, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        var type = schema.TryGetProperty("type", out var declared) ? declared.GetString() : "object";
        var kind = value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (kind != type && !(kind == "integer" && type == "number"))
        {
            problems.Add($"{path} is {kind}, the contract declares {type}");
            return;
        }

        if (kind == "array")
        {
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(item, schema.GetProperty("items"), schemas, path + "[]", problems);
            }
        }
        else if (kind == "object")
        {
            var properties = schema.GetProperty("properties");
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    CheckValue(property.Value, propertySchema, schemas, path + "." + property.Name, problems);
                }
                else
                {
                    problems.Add($"{path}.{property.Name} is not declared by the contract");
                }
            }
        }
    }
}
