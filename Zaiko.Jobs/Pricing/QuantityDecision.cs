namespace Zaiko.Jobs.Pricing;

/// <summary>
/// The quantity a listing should show. When <see cref="Held"/>, <see cref="Quantity"/> is the current desired
/// quantity unchanged (null if none was ever set). <see cref="Reason"/> always says how the number came about.
/// </summary>
public sealed record QuantityDecision(int? Quantity, bool Held, string Reason);
