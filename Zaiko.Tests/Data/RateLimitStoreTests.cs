using Zaiko.Data;
using Zaiko.Data.RateLimits;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class RateLimitStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private RateLimitStore Store => new(Database.DataSource);

    // The bucket runs on the database's clock. At one token per 100 s, the seconds a busy machine spends between
    // calls shift each wait by a second at most, so the assertions do not depend on the machine's speed.
    private const double OnePer100Seconds = 0.01;

    [Fact]
    public async Task TryAcquireAsync_GrantsTheBurstAtOnce_ThenSpacesCallersAtTheRate()
    {
        var grants = new List<RateLimitGrant>();
        for (var i = 0; i < 4; i++)
        {
            grants.Add(await Store.TryAcquireAsync("test:burst", capacity: 2, refillPerSecond: OnePer100Seconds, TimeSpan.FromHours(1), CancellationToken.None));
        }

        Assert.All(grants, grant => Assert.True(grant.Acquired));
        Assert.Equal(TimeSpan.Zero, grants[0].Wait);
        Assert.Equal(TimeSpan.Zero, grants[1].Wait);
        Assert.InRange(grants[2].Wait.TotalSeconds, 90, 100);
        Assert.InRange(grants[3].Wait.TotalSeconds, 190, 200);
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
            Store.TryAcquireAsync("test:concurrent", capacity: 5, refillPerSecond: OnePer100Seconds, TimeSpan.FromHours(2), CancellationToken.None)));

        Assert.All(grants, grant => Assert.True(grant.Acquired));
        var waits = grants.Select(g => g.Wait.TotalSeconds).Order().ToArray();
        Assert.Equal(5, waits.Count(w => w == 0));
        // 35 callers beyond the burst, one slot each, 100 s apart: the last is 3,500 s out (less what refilled meanwhile).
        Assert.InRange(waits[^1], 3_490, 3_500);
        Assert.All(waits.Skip(5).Zip(waits.Skip(6)), pair => Assert.InRange(pair.Second - pair.First, 90, 100.001));
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
