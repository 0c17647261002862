namespace Zaiko.Sandbox.Control;

/// <summary>Control-API answers: camelCase JSON, and <c>{"error": …}</c> for a request the sandbox refuses.</summary>
public static class ControlResults
{
    public static IResult Ok(object body) => Results.Json(body, SandboxJson.Web);

    public static IResult Created(object body) => Results.Json(body, SandboxJson.Web, statusCode: StatusCodes.Status201Created);

    public static IResult BadRequest(string error) => Results.Json(new { error }, SandboxJson.Web, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string error) => Results.Json(new { error }, SandboxJson.Web, statusCode: StatusCodes.Status404NotFound);

    public static IResult Put(bool added, object body) => added ? Created(body) : Ok(body);
}
