using Zaiko.Data;
using Zaiko.Data.RateLimits;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class RateLimitStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private RateLimitStore Store => new(Database.DataSource);

    [Fact]
    public async Task TryAcquireAsync_GrantsTheBurstAtOnce_ThenSpacesCallersAtTheRate()
    {
        var grants = new List<RateLimitGrant>();
        for (var i = 0; i < 4; i++)
        {
            grants.Add(await Store.TryAcquireAsync("test:burst", capacity: 2, refillPerSecond: 1, TimeSpan.FromMinutes(1), CancellationToken.None));
        }

        Assert.All(grants, grant => Assert.True(grant.Acquired));
        Assert.Equal(TimeSpan.Zero, grants[0].Wait);
        Assert.Equal(TimeSpan.Zero, grants[1].Wait);
        Assert.InRange(grants[2].Wait.TotalSeconds, 0.8, 1.0);
        Assert.InRange(grants[3].Wait.TotalSeconds, 1.8, 2.0);
    }

    [Fact]
    public async Task TryAcquireAsync_Refuses_WhenTheBucketIsBookedBeyondTheMaximumWait()
    {
        await Store.TryAcquireAsync("test:full", 1, 0.1, TimeSpan.FromSeconds(5), CancellationToken.None);

        var refused = await Store.TryAcquireAsync("test:full", 1, 0.1, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(refused.Acquired);
    }

    [Fact]
    public async Task TryAcquireAsync_GivesEveryConcurrentCallerItsOwnSlot()
    {
        const int callers = 40;

        var grants = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ =>
            Store.TryAcquireAsync("test:concurrent", capacity: 5, refillPerSecond: 10, TimeSpan.FromMinutes(1), CancellationToken.None)));

        Assert.All(grants, grant => Assert.True(grant.Acquired));
        var waits = grants.Select(g => g.Wait.TotalSeconds).Order().ToArray();
        Assert.InRange(waits.Count(w => w == 0), 5, 10);
        // 35 callers beyond the burst at 10/s: the last slot is about 3.5 s out (less whatever refilled meanwhile).
        Assert.InRange(waits[^1], 2.5, 3.5);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second - pair.First < 0.11));
    }

    [Fact]
    public async Task TryAcquireAsync_KeepsBucketsApart()
    {
        await Store.TryAcquireAsync("test:a", 1, 0.01, TimeSpan.FromMinutes(10), CancellationToken.None);

        var other = await Store.TryAcquireAsync("test:b", 1, 0.01, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, other.Wait);
    }

    [Fact]
    public async Task TryAcquireAsync_RejectsAnInvalidBucket_NamingTheField()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Store.TryAcquireAsync("test:x", 0, 1, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal("capacity", ex.Field);
    }
}
