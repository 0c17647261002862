namespace Zaiko.Sandbox.Mercari;

/// <summary>
/// The parsed form of a GraphQL request: one operation of fields with arguments and sub-selections. Argument values
/// are plain CLR values: long, double, string, bool, null, a list, or a dictionary; variables stay as <see cref="Variable"/>.
/// </summary>
public sealed record GraphQlDocument(string OperationType, string? Name, IReadOnlyList<GraphQlDocument.Field> Selections)
{
    public sealed record Field(string? Alias, string Name, IReadOnlyDictionary<string, object?> Arguments, IReadOnlyList<Field>? Selections)
    {
        public string ResponseKey => Alias ?? Name;
    }

    public sealed record Variable(string Name);
}
