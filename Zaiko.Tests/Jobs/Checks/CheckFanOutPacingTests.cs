using Hangfire.States;
using Zaiko.Jobs.Checks;

namespace Zaiko.Tests.Jobs.Checks;

public sealed class CheckFanOutPacingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(9, 1.0)]
    [InlineData(999, 100.0)]
    public void StateFor_EnqueuesRequestsTheSourceCanServeSoon(int request, double rate)
    {
        var state = CheckFanOutJob.StateFor(request, rate, Start);

        Assert.Equal("checks", Assert.IsType<EnqueuedState>(state).Queue);
    }

    [Theory]
    [InlineData(1, 0.1, 10)]
    [InlineData(500, 0.1, 5000)]
    [InlineData(30_000, 1.0, 30_000)]
    public void StateFor_SchedulesLaterRequests_AtTheSourcesPace(int request, double rate, int dueSeconds)
    {
        var state = CheckFanOutJob.StateFor(request, rate, Start);

        var scheduled = Assert.IsType<ScheduledState>(state);
        Assert.Equal(Start.UtcDateTime.AddSeconds(dueSeconds), scheduled.EnqueueAt);
    }
}
