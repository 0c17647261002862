using Microsoft.Extensions.Time.Testing;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Tests.Jobs.Outbound;

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

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-1", 1), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_FetchesANewToken_SixtySecondsBeforeTheOldOneExpires()
    {
        var cache = new AccessTokenCache(clock);
        await cache.GetAsync(FetchAsync, CancellationToken.None);
        clock.Advance(Hour - TimeSpan.FromSeconds(60));

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-2", 2), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_CountsTheLifetimeFromTheRequest_NotFromTheAnswer()
    {
        var cache = new AccessTokenCache(clock);
        await cache.GetAsync(_ =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return FetchAsync(CancellationToken.None);
        }, CancellationToken.None);
        clock.Advance(Hour - TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(60));

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

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
        Assert.All(tokens, token => Assert.Equal("token-1", token));
    }

    [Fact]
    public async Task GetAsync_GivesTheOthersTheToken_WhenTheCallerWhoStartedTheFetchGivesUp()
    {
        var cache = new AccessTokenCache(clock);
        var release = new TaskCompletionSource();
        using var impatient = new CancellationTokenSource();
        Func<CancellationToken, Task<AccessTokenCache.Fetched>> slowFetch = async cancellationToken =>
        {
            await release.Task;
            return await FetchAsync(cancellationToken);
        };

        var first = cache.GetAsync(slowFetch, impatient.Token);
        var second = cache.GetAsync(slowFetch, CancellationToken.None);
        await impatient.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(("token-1", 1), (await second, fetches));
    }

    [Fact]
    public async Task GetAsync_FetchesANewToken_AfterTheMarketplaceRefusedTheCachedOne()
    {
        var cache = new AccessTokenCache(clock);
        var first = await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first);

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal("token-2", token);
    }

    [Fact]
    public async Task Invalidate_KeepsTheCurrentToken_WhenAnOlderOneIsRefused()
    {
        var cache = new AccessTokenCache(clock);
        var first = await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first);
        await cache.GetAsync(FetchAsync, CancellationToken.None);
        cache.Invalidate(first);

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(("token-2", 2), (token, fetches));
    }

    [Fact]
    public async Task GetAsync_TriesAgain_AfterAFailedFetch()
    {
        var cache = new AccessTokenCache(clock);
        var refusal = new AccessTokenException("token endpoint answered HTTP 503", 503, null, null, unreadable: false);
        var failed = await Assert.ThrowsAsync<AccessTokenException>(() => cache.GetAsync(_ => throw refusal, CancellationToken.None));

        var token = await cache.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Same(refusal, failed);
        Assert.Equal("token-1", token);
    }

    private Task<AccessTokenCache.Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref fetches);
        return Task.FromResult(new AccessTokenCache.Fetched($"token-{number}", Hour));
    }
}
