using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Zaiko.Jobs;

namespace Zaiko.Tests.Jobs;

/// <summary>
/// Zaiko.Jobs folders form layers: no folder may use a folder that uses it back, or a change to one pulls the
/// other along (the Checks ↔ Sync knot this rule was written after). A folder's uses are read from both sides:
/// the compiled code (every type a signature or an instruction names, compiler-generated types included) and the
/// sources' using directives (constants such as queue names are inlined by the compiler and leave no trace in IL).
/// </summary>
public sealed partial class FolderDependencyTests
{
    private const string Root = "Zaiko.Jobs";

    [Fact]
    public void ZaikoJobs_HasNoFolderThatUsesAFolderUsingItBack()
    {
        var graph = Uses();

        var cycles = Cycles(graph);

        Assert.True(cycles.Count == 0, "folders that use each other: " + string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c))));
    }

    [Fact]
    public void Uses_SeesTheChecksUsingTheListingPlanner_AndTheQueuesFromEveryJobFolder()
    {
        var graph = Uses();

        Assert.Contains("Zaiko.Jobs.Listings", graph["Zaiko.Jobs.Checks"]);
        Assert.Contains("Zaiko.Jobs.Runs", graph["Zaiko.Jobs.Maintenance"]);
        Assert.DoesNotContain("Zaiko.Jobs.Checks", graph["Zaiko.Jobs.Listings"]);
    }

    private static Dictionary<string, HashSet<string>> Uses()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            if (from != to && from.StartsWith(Root + ".", StringComparison.Ordinal) && to.StartsWith(Root, StringComparison.Ordinal))
            {
                (graph.TryGetValue(from, out var set) ? set : graph[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
            }
        }

        var assembly = typeof(JobsServiceCollectionExtensions).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var from = FolderOf(type);
            foreach (var used in TypesUsedBy(type))
            {
                Add(from, FolderOf(used));
            }
        }

        var sources = Path.Combine(RepositoryRoot(), Root);
        foreach (var file in Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var declared = NamespaceDeclaration().Match(text);
            if (!declared.Success)
            {
                continue;
            }

            foreach (Match use in UsingDirective().Matches(text))
            {
                Add(declared.Groups[1].Value, use.Groups[1].Value);
            }
        }

        return graph;
    }

    /// <summary>Groups of two or more folders that reach each other (strongly connected components).</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([from]);
            while (stack.TryPop(out var node))
            {
                foreach (var next in graph.GetValueOrDefault(node) ?? [])
                {
                    if (next == to)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            return false;
        }

        var folders = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        foreach (var folder in folders.Where(f => !assigned.Contains(f)))
        {
            var group = folders.Where(other => other == folder || (Reaches(folder, other) && Reaches(other, folder))).ToList();
            assigned.UnionWith(group);
            if (group.Count > 1)
            {
                cycles.Add(group);
            }
        }

        return cycles;
    }

    private static string FolderOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace ?? "";
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            used.Add(baseType);
        }

        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(All).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }

            used.AddRange(TypesInBody(method));
        }

        return used.SelectMany(Expand);
    }

    /// <summary>Generic arguments, array elements and by-ref targets count as uses too.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value);

    /// <summary>Every type, method owner or field owner an instruction of the method's body names.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                if (member is Type referenced)
                {
                    yield return referenced;
                }
                else if (member?.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }
            }

            position += OperandSize(opCode, il, position);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zaiko.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Zaiko.sln above {AppContext.BaseDirectory}: the sources cannot be read");
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^using (Zaiko\.Jobs[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
