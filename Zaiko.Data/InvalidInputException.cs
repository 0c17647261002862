namespace Zaiko.Data;

/// <summary>Input that cannot be stored, with the field it concerns and why; nothing was written.</summary>
public sealed class InvalidInputException(string field, string reason)
    : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
