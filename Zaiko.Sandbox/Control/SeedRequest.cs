namespace Zaiko.Sandbox.Control;

/// <summary>Body of <c>POST /_sandbox/seed</c>: how many items to add per marketplace, and the seed to draw them from.</summary>
public sealed record SeedRequest(int Yahoo = 0, int Amazon = 0, int Ebay = 0, int Mercari = 0, int? Seed = null)
{
    public const int MaxPerMarketplace = 1_000_000;

    public string? Validate() => new[] { Yahoo, Amazon, Ebay, Mercari }.Any(n => n is < 0 or > MaxPerMarketplace)
        ? $"counts must lie in 0..{MaxPerMarketplace}"
        : null;
}
