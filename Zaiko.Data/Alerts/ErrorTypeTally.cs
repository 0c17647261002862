namespace Zaiko.Data.Alerts;

/// <summary>How many errors of one type were recorded in a period, and the highest severity among them.</summary>
public sealed record ErrorTypeTally(string ErrorType, long Count, string HighestSeverity);
