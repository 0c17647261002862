using System.Collections.Concurrent;

namespace Zaiko.Sandbox.Control;

/// <summary>Access tokens handed out by the simulated OAuth endpoints, each with its audience, kind and expiry.</summary>
public sealed class AccessTokens(SandboxClock clock, SeededRandom random)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly ConcurrentDictionary<string, Issued> tokens = new(StringComparer.Ordinal);

    public enum Check
    {
        Valid,
        Missing,
        Unknown,
        Expired,
    }

    public (string Token, TimeSpan Lifetime) Issue(string audience, string kind, string prefix, TimeSpan lifetime)
    {
        var token = prefix + random.Chars(Alphabet, 96);
        tokens[token] = new Issued(audience, kind, clock.GetUtcNow() + lifetime);
        return (token, lifetime);
    }

    public (Check Result, string? Kind) Validate(string? token, string audience)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (Check.Missing, null);
        }

        if (!tokens.TryGetValue(token, out var issued) || issued.Audience != audience)
        {
            return (Check.Unknown, null);
        }

        return issued.ExpiresAt <= clock.GetUtcNow() ? (Check.Expired, issued.Kind) : (Check.Valid, issued.Kind);
    }

    public void Clear() => tokens.Clear();

    private sealed record Issued(string Audience, string Kind, DateTimeOffset ExpiresAt);
}
