namespace Zaiko.Jobs.Outbound;

/// <summary>
/// One OAuth access token shared by every call that presents the same credentials: reused until 60 s before it
/// expires, renewed by one request however many callers need it (single flight), and dropped when the marketplace
/// refuses it. The renewal runs without any caller's cancellation token, so one caller giving up does not fail the
/// others (the HTTP client's total timeout bounds it). A failed renewal is not cached: every waiting caller gets its
/// exception, and the next call tries again.
/// </summary>
internal sealed class AccessTokenCache(TimeProvider timeProvider)
{
    /// <summary>A token this close to expiry is renewed first, so a call never leaves with one about to lapse.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private Cached? current;
    private Task<Cached>? renewal;

    /// <summary>A usable token, from <paramref name="fetchAsync"/> only when there is none or it is about to expire.</summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<Fetched>> fetchAsync, CancellationToken cancellationToken)
    {
        Task<Cached> pending;
        TaskCompletionSource<Cached>? mine = null;
        lock (gate)
        {
            if (current is { } token && timeProvider.GetUtcNow() < token.RenewAt)
            {
                return token.Value;
            }

            if (renewal is null)
            {
                mine = new TaskCompletionSource<Cached>(TaskCreationOptions.RunContinuationsAsynchronously);
                renewal = mine.Task;
            }

            pending = renewal;
        }

        // Started outside the lock: a fetch that completes at once must find the renewal already published.
        if (mine is not null)
        {
            _ = RenewAsync(fetchAsync, mine);
        }

        return (await pending.WaitAsync(cancellationToken)).Value;
    }

    /// <summary>Forgets <paramref name="token"/> after the marketplace refused it, unless another caller already replaced it.</summary>
    public void Invalidate(string token)
    {
        lock (gate)
        {
            if (current?.Value == token)
            {
                current = null;
            }
        }
    }

    private async Task RenewAsync(Func<CancellationToken, Task<Fetched>> fetchAsync, TaskCompletionSource<Cached> completion)
    {
        try
        {
            // The token is at least as fresh as the moment it was asked for.
            var requestedAt = timeProvider.GetUtcNow();
            var fetched = await fetchAsync(CancellationToken.None);
            var token = new Cached(fetched.Token, requestedAt + fetched.Lifetime - RefreshMargin);
            lock (gate)
            {
                current = token;
                renewal = null;
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (gate)
            {
                renewal = null;
            }

            completion.SetException(ex);
        }
    }

    /// <summary>An access token and how long it lives from the moment it was asked for.</summary>
    public sealed record Fetched(string Token, TimeSpan Lifetime);

    private sealed record Cached(string Value, DateTimeOffset RenewAt);
}
