namespace Zaiko.Sandbox.Yahoo;

/// <summary>
/// FNV-1a over an id: cosmetic per-item values (watchers, seller rating, image names) that must stay the same on
/// every render without consuming the shared seeded random.
/// </summary>
public static class StableHash
{
    public static uint Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public static int Between(string value, int salt, int minInclusive, int maxExclusive) =>
        minInclusive + (int)((Of(value) ^ (uint)(salt * 40503)) * 2654435761u % (uint)(maxExclusive - minInclusive));
}
