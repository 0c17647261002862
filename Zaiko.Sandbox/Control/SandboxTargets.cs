namespace Zaiko.Sandbox.Control;

/// <summary>The simulated services. Their real paths do not clash, so the path alone names the target of a request.</summary>
public static class SandboxTargets
{
    public const string Yahoo = "yahoo";
    public const string Amazon = "amazon";
    public const string Ebay = "ebay";
    public const string Mercari = "mercari";
    public const string Fx = "fx";
    public const string All = "all";

    public static readonly IReadOnlyList<string> Marketplaces = [Yahoo, Amazon, Ebay, Mercari, Fx];

    /// <summary>The target a request path belongs to, or null for control and unknown paths.</summary>
    public static string? FromPath(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.StartsWith("/_sandbox", StringComparison.Ordinal))
        {
            return null;
        }

        if (value.StartsWith("/jp/auction/", StringComparison.Ordinal))
        {
            return Yahoo;
        }

        if (value.StartsWith("/auth/o2/", StringComparison.Ordinal) || value.StartsWith("/products/pricing/", StringComparison.Ordinal)
            || value.StartsWith("/batches/products/", StringComparison.Ordinal) || value.StartsWith("/listings/", StringComparison.Ordinal))
        {
            return Amazon;
        }

        if (value.StartsWith("/identity/", StringComparison.Ordinal) || value.StartsWith("/sell/", StringComparison.Ordinal))
        {
            return Ebay;
        }

        if (value.StartsWith("/v1/graphql", StringComparison.Ordinal))
        {
            return Mercari;
        }

        return value.StartsWith("/stats/eurofxref/", StringComparison.Ordinal) ? Fx : null;
    }
}
