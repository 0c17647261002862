using System.Diagnostics;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Waits for what a test asserts by asking again until a deadline, never by sleeping just past a threshold: a
/// fast machine goes on at once, a slow one gets the whole deadline, and a timeout names what never happened.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The first non-null answer of <paramref name="probe"/>; a <see cref="TimeoutException"/> naming <paramref name="what"/> if none comes in time.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            // Asked once more after the deadline, so a slow probe still gets its last answer counted.
            var expired = waited.Elapsed >= limit;
            if (await probe() is { } value)
            {
                return value;
            }

            if (expired)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {what}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> if it does not in time.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ForAsync(async () => await condition() ? what : null, what, timeout);
}
