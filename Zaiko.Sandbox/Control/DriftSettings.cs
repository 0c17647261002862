namespace Zaiko.Sandbox.Control;

/// <summary>Body of <c>POST /_sandbox/drift</c>: how many random source changes per minute, and of which kinds.</summary>
public sealed record DriftSettings(double PerMinute, IReadOnlyList<string> Kinds)
{
    public const string Price = "price";
    public const string Stock = "stock";
    public const string End = "end";
    public const string Title = "title";

    public static readonly IReadOnlyList<string> AllKinds = [Price, Stock, End, Title];

    public string? Validate() =>
        PerMinute is < 0 or > 600_000 ? "perMinute must lie in 0..600000"
        : Kinds is null || Kinds.Count == 0 || Kinds.Any(k => !AllKinds.Contains(k)) ? $"kinds must be a non-empty subset of {string.Join(", ", AllKinds)}"
        : null;
}
