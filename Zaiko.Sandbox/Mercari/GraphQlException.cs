namespace Zaiko.Sandbox.Mercari;

/// <summary>A request the GraphQL endpoint rejects as a whole, with the <c>extensions.code</c> to report.</summary>
public sealed class GraphQlException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
