using System.Text.Json;
using System.Text.RegularExpressions;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary>Mercari Shops: <c>POST /v1/graphql</c> with a Bearer token and a <c>Name/Version</c> User-Agent.</summary>
public static partial class MercariEndpoints
{
    public static IEndpointRouteBuilder MapMercari(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/graphql", GraphQlAsync);
        return app;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+/[0-9A-Za-z.\-+_]+$")]
    private static partial Regex UserAgentPattern();

    private static async Task<IResult> GraphQlAsync(HttpContext context, MercariSchema schema, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != "Bearer " + DemoCredentials.MercariAccessToken)
        {
            return MercariErrors.Unauthenticated();
        }

        if (!UserAgentPattern().IsMatch(request.Headers.UserAgent.ToString()))
        {
            return MercariErrors.BadUserAgent();
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = body.RootElement;
            var query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            var operationName = root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            var variables = root.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
                ? (Dictionary<string, object?>)FromJson(v)! : [];
            var document = GraphQlParser.Parse(query, operationName);
            var data = new Dictionary<string, object?>();
            foreach (var field in document.Selections)
            {
                var value = schema.Resolve(document.OperationType, field, name => Bind(field.Arguments.GetValueOrDefault(name), variables));
                data[field.ResponseKey] = Project(value, field);
            }

            return SandboxJson.Json(new { data });
        }
        catch (JsonException)
        {
            return MercariErrors.Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "the body must be JSON: {\"query\": …, \"variables\": …}");
        }
        catch (GraphQlException ex)
        {
            return MercariErrors.Error(StatusCodes.Status400BadRequest, ex.Code, ex.Message);
        }
    }

    /// <summary>Keeps exactly the selected fields, as GraphQL answers; selecting an unknown field fails the request.</summary>
    private static object? Project(object? value, GraphQlDocument.Field field)
    {
        switch (value)
        {
            case null:
                return null;
            case Dictionary<string, object?> obj:
                if (field.Selections is null)
                {
                    throw new GraphQlException("GRAPHQL_VALIDATION_FAILED",
                        $"Field \"{field.Name}\" of type \"{obj["__typename"]}\" must have a selection of subfields.");
                }

                var result = new Dictionary<string, object?>();
                foreach (var selection in field.Selections)
                {
                    if (!obj.TryGetValue(selection.Name, out var child))
                    {
                        throw new GraphQlException("GRAPHQL_VALIDATION_FAILED",
                            $"Cannot query field \"{selection.Name}\" on type \"{obj["__typename"]}\".");
                    }

                    result[selection.ResponseKey] = Project(child, selection);
                }

                return result;
            case List<Dictionary<string, object?>> objects:
                return objects.Select(item => Project(item, field)).ToList();
            case List<object?> items:
                return items.Select(item => Project(item, field)).ToList();
            default:
                return field.Selections is null ? value
                    : throw new GraphQlException("GRAPHQL_VALIDATION_FAILED", $"Field \"{field.Name}\" must not have a selection since it is a scalar.");
        }
    }

    private static object? Bind(object? value, IReadOnlyDictionary<string, object?> variables) => value switch
    {
        GraphQlDocument.Variable variable => variables.GetValueOrDefault(variable.Name),
        List<object?> list => list.Select(item => Bind(item, variables)).ToList(),
        Dictionary<string, object?> obj => obj.ToDictionary(pair => pair.Key, pair => Bind(pair.Value, variables)),
        _ => value,
    };

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
