namespace Zaiko.Jobs.Outbound;

/// <summary>The kind of value a <see cref="JsonShape"/> expects at a path; JSON null never satisfies one.</summary>
public enum JsonKind
{
    String,
    Number,
    Boolean,
    Object,
    Array,
}
