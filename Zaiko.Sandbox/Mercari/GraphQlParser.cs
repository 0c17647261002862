using System.Globalization;
using System.Text;

namespace Zaiko.Sandbox.Mercari;

/// <summary>
/// A small recursive-descent parser for the GraphQL the Mercari Shops endpoint needs: one query or mutation,
/// aliases, arguments, variables and nested selections. Fragments and directives are refused with a clear message.
/// </summary>
public sealed class GraphQlParser(string source, string? operationName)
{
    private int position;

    public static GraphQlDocument Parse(string source, string? operationName) => new GraphQlParser(source, operationName).Document();

    private GraphQlDocument Document()
    {
        var operations = new List<GraphQlDocument>();
        while (Peek() != '\0')
        {
            operations.Add(Operation());
        }

        if (operations.Count == 0)
        {
            throw new GraphQlException("GRAPHQL_PARSE_FAILED", "the document holds no operation");
        }

        if (operations.Count == 1)
        {
            return operations[0];
        }

        return operations.FirstOrDefault(o => o.Name == operationName)
            ?? throw new GraphQlException("GRAPHQL_VALIDATION_FAILED", "operationName must name one of the document's operations");
    }

    private GraphQlDocument Operation()
    {
        if (Peek() == '{')
        {
            return new GraphQlDocument("query", null, SelectionSet());
        }

        var type = Name();
        if (type is not ("query" or "mutation"))
        {
            throw type == "fragment"
                ? new GraphQlException("GRAPHQL_PARSE_FAILED", "fragments are not supported by the sandbox")
                : new GraphQlException("GRAPHQL_PARSE_FAILED", $"unexpected '{type}', expected query or mutation");
        }

        var name = char.IsLetter(Peek()) || Peek() == '_' ? Name() : null;
        if (Peek() == '(')
        {
            SkipVariableDefinitions();
        }

        return new GraphQlDocument(type, name, SelectionSet());
    }

    /// <summary>Types and defaults of variables are not checked: the resolvers validate the values they receive.</summary>
    private void SkipVariableDefinitions()
    {
        Expect('(');
        while (Peek() != ')')
        {
            Expect('$');
            Name();
            Expect(':');
            while (Peek() is not ('$' or ')' or '\0' or '='))
            {
                position++;
            }

            if (Peek() == '=')
            {
                position++;
                Value();
            }
        }

        Expect(')');
    }

    private List<GraphQlDocument.Field> SelectionSet()
    {
        Expect('{');
        var fields = new List<GraphQlDocument.Field>();
        while (Peek() != '}')
        {
            if (Peek() is '.' or '@')
            {
                throw new GraphQlException("GRAPHQL_PARSE_FAILED", "fragments and directives are not supported by the sandbox");
            }

            var first = Name();
            string? alias = null;
            var name = first;
            if (Peek() == ':')
            {
                position++;
                alias = first;
                name = Name();
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (Peek() == '(')
            {
                position++;
                while (Peek() != ')')
                {
                    var argument = Name();
                    Expect(':');
                    arguments[argument] = Value();
                }

                Expect(')');
            }

            fields.Add(new GraphQlDocument.Field(alias, name, arguments, Peek() == '{' ? SelectionSet() : null));
        }

        Expect('}');
        return fields;
    }

    private object? Value()
    {
        var c = Peek();
        switch (c)
        {
            case '$':
                position++;
                return new GraphQlDocument.Variable(Name());
            case '"':
                return StringValue();
            case '[':
                position++;
                var list = new List<object?>();
                while (Peek() != ']')
                {
                    list.Add(Value());
                }

                position++;
                return list;
            case '{':
                position++;
                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (Peek() != '}')
                {
                    var key = Name();
                    Expect(':');
                    fields[key] = Value();
                }

                position++;
                return fields;
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return Number();
        }

        var word = Name();
        return word switch { "true" => true, "false" => false, "null" => null, _ => word };
    }

    private object Number()
    {
        var start = position;
        while (position < source.Length && (char.IsAsciiDigit(source[position]) || source[position] is '-' or '+' or '.' or 'e' or 'E'))
        {
            position++;
        }

        var text = source[start..position];
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? real
            : throw new GraphQlException("GRAPHQL_PARSE_FAILED", $"invalid number '{text}'");
    }

    private string StringValue()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (position < source.Length && source[position] != '"')
        {
            var c = source[position++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = position < source.Length ? source[position++] : '\0';
            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' when position + 4 <= source.Length => (char)int.Parse(source.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => escaped,
            });
            if (escaped == 'u')
            {
                position += 4;
            }
        }

        Expect('"');
        return builder.ToString();
    }

    private string Name()
    {
        SkipIgnored();
        var start = position;
        while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
        {
            position++;
        }

        return position > start ? source[start..position]
            : throw new GraphQlException("GRAPHQL_PARSE_FAILED", $"Syntax Error: expected a name at position {position}");
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw new GraphQlException("GRAPHQL_PARSE_FAILED", $"Syntax Error: expected '{expected}' at position {position}");
        }

        position++;
    }

    private char Peek()
    {
        SkipIgnored();
        return position < source.Length ? source[position] : '\0';
    }

    /// <summary>Whitespace, commas and comments are insignificant in GraphQL.</summary>
    private void SkipIgnored()
    {
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '#')
            {
                while (position < source.Length && source[position] != '\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }
}
