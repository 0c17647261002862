using Zaiko.Jobs.Checks;

namespace Zaiko.Tests.Jobs.Checks;

public sealed class RunEstimateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_TakesEightPointThreeHours_For30000YahooOffersAtOnePerSecond()
    {
        var estimate = RunEstimate.Of([("yahoo", 30_000, 1, 1.0)]);

        Assert.Equal(TimeSpan.FromSeconds(30_000), estimate.Expected);
        Assert.Contains("≈ 8.3 h", estimate.Summary);
    }

    [Fact]
    public void Of_BatchesAmazon_So10000AsinsFitIn1Point5Hours()
    {
        var estimate = RunEstimate.Of([("amazon", 10_000, 20, 0.1)]);

        Assert.Equal(TimeSpan.FromSeconds(5000), estimate.Expected);
        Assert.True(estimate.Expected < TimeSpan.FromHours(1.5));
    }

    [Fact]
    public void Of_IsSetByTheSlowestSource_BecauseSourcesRunInParallel()
    {
        var estimate = RunEstimate.Of([("yahoo", 3600, 1, 1.0), ("amazon", 200, 20, 0.1)]);

        Assert.Equal(TimeSpan.FromHours(1), estimate.Expected);
    }

    [Fact]
    public void Overruns_IsTrue_WhenTheNextRunStartsBeforeThisOneEnds()
    {
        var estimate = RunEstimate.Of([("yahoo", 30_000, 1, 1.0)]);

        Assert.True(estimate.Overruns(Now, Now.AddHours(6)));
        Assert.False(estimate.Overruns(Now, Now.AddHours(9)));
        Assert.False(estimate.Overruns(Now, null));
    }
}
