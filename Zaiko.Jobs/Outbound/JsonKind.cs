namespace Zaiko.Jobs.Outbound;

/// <summary>The kind of value a <see cref="JsonShape"/> expects at a path; JSON null never satisfies one.</summary>
public enum JsonKind
{
    String,
    Number,

    /// <summary>A number without a fraction that fits a 32-bit integer (counts, status codes, error ids).</summary>
    Integer,
    Boolean,
    Object,
    Array,
}
