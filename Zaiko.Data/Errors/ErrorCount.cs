namespace Zaiko.Data.Errors;

/// <summary>Errors of one type from one platform ("" when none) in a run.</summary>
public sealed record ErrorCount(string ErrorType, string Platform, long Count);
