using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Zaiko.Sandbox.Control;

public static class SandboxJson
{
    /// <summary>Property names exactly as written: marketplace payloads mix PascalCase and camelCase.</summary>
    public static readonly JsonSerializerOptions Exact = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The control API: camelCase, Japanese left readable.</summary>
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, Exact, "application/json", statusCode);
}
