using Microsoft.Extensions.Time.Testing;
using Zaiko.Jobs.Channels;

namespace Zaiko.Tests.Jobs.Channels;

public sealed class AccessTokenCacheTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
    private int fetches;

    [Fact]
    public async Task GetAsync_ReusesTheToken_UntilSixtySecondsBeforeItExpires()
    {
        var cache = new AccessTokenCache(clock);
        await cache.GetAsync(FetchAsync, CancellationToken.None);
        clock.Advance(Hour - TimeSpan.FromSeconds(61));

        var (token, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-1", 1), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_FetchesANewToken_SixtySecondsBeforeTheOldOneExpires()
    {
        var cache = new AccessTokenCache(clock);
        await cache.GetAsync(FetchAsync, CancellationToken.None);
        clock.Advance(Hour - TimeSpan.FromSeconds(60));

        var (token, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-2", 2), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_FetchesOnce_WhenManyCallersArriveTogether()
    {
        var cache = new AccessTokenCache(clock);
        var release = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(async cancellationToken =>
        {
            await release.Task;
            return await FetchAsync(cancellationToken);
        }, CancellationToken.None)).ToList();
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, fetches);
        Assert.All(tokens, result => Assert.Equal("token-1", result.Token));
    }

    [Fact]
    public async Task GetAsync_FetchesANewToken_AfterTheChannelRefusedTheCachedOne()
    {
        var cache = new AccessTokenCache(clock);
        var (first, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first!);

        var (token, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal("token-2", token);
    }

    [Fact]
    public async Task Invalidate_KeepsTheCurrentToken_WhenAnOlderOneIsRefused()
    {
        var cache = new AccessTokenCache(clock);
        var (first, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first!);
        await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first!);

        var (token, _) = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-2", 2), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_TriesAgain_AfterAFailedFetch()
    {
        var cache = new AccessTokenCache(clock);
        var failure = new ChannelFailure("token endpoint answered HTTP 503", "503", true);
        await cache.GetAsync(_ => Task.FromResult(new AccessTokenCache.Fetched(null, TimeSpan.Zero, failure)), CancellationToken.None);

        var (token, error) = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-1", null), (token, error));
    }

    private Task<AccessTokenCache.Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref fetches);
        return Task.FromResult(new AccessTokenCache.Fetched($"token-{number}", Hour, null));
    }
}
