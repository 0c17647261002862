using System.Text.Json.Serialization;

namespace Zaiko.Jobs.Channels;

/// <summary>
/// One OAuth access token shared by every call of a channel: reused until 60 s before it expires, fetched by one
/// caller at a time while the others wait for it (single flight), and dropped when the channel refuses it. A
/// failed fetch is not cached: the next call tries again.
/// </summary>
internal sealed class AccessTokenCache(TimeProvider timeProvider)
{
    /// <summary>A token this close to expiry is renewed first, so a call never starts with one about to lapse.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private static readonly string[] TokenFields = ["access_token:string", "expires_in:integer"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private Cached? current;

    public async Task<(string? Token, ChannelFailure? Failure)> GetAsync(Func<CancellationToken, Task<Fetched>> fetchAsync, CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref current)) is { } token)
        {
            return (token, null);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(current) is { } fetchedMeanwhile)
            {
                return (fetchedMeanwhile, null);
            }

            var fetched = await fetchAsync(cancellationToken);
            if (fetched.Failure is not null)
            {
                return (null, fetched.Failure);
            }

            Volatile.Write(ref current, new Cached(fetched.Token!, timeProvider.GetUtcNow() + fetched.Lifetime));
            return (fetched.Token, null);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the channel refused it, unless another caller already replaced it.</summary>
    public void Invalidate(string token)
    {
        var seen = Volatile.Read(ref current);
        if (seen is not null && seen.Value == token)
        {
            Interlocked.CompareExchange(ref current, null, seen);
        }
    }

    /// <summary>Sends an OAuth token request and reads the standard answer (<c>access_token</c>, <c>expires_in</c>).</summary>
    public static async Task<Fetched> RequestAsync(HttpClient http, HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
    {
        var reply = await ChannelHttp.SendAsync(http, request, endpoint, cancellationToken);
        if (reply.Failure is not null)
        {
            return new Fetched(null, TimeSpan.Zero, reply.Failure);
        }

        if (!reply.IsSuccess)
        {
            return new Fetched(null, TimeSpan.Zero, ChannelHttp.FromStatus(reply, endpoint));
        }

        return ChannelResponseShape.TryRead<TokenResponse>(reply.Body, TokenFields, out var token, out var problem)
            ? new Fetched(token.AccessToken, TimeSpan.FromSeconds(token.ExpiresIn), null)
            : new Fetched(null, TimeSpan.Zero, ChannelFailure.Rejected($"{endpoint}: {problem}", "shape"));
    }

    private string? Usable(Cached? cached) =>
        cached is not null && timeProvider.GetUtcNow() < cached.ExpiresAt - RefreshMargin ? cached.Value : null;

    public sealed record Fetched(string? Token, TimeSpan Lifetime, ChannelFailure? Failure);

    private sealed record Cached(string Value, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
