using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class QuantityRuleTests
{
    [Theory]
    [InlineData(5, 0, null, 5)]
    [InlineData(5, 2, null, 3)]
    [InlineData(2, 2, null, 0)]
    [InlineData(1, 3, null, 0)]
    [InlineData(0, 1, null, 0)]
    [InlineData(0, 0, null, 0)]
    [InlineData(10, 1, 3, 3)]
    [InlineData(3, 0, 3, 3)]
    [InlineData(2, 0, 3, 2)]
    [InlineData(10, 0, 0, 0)]
    [InlineData(1, 5, 3, 0)]
    public void Decide_IsStockLessBufferCappedAtMax_WhenTheSourceIsLive(int stock, int buffer, int? max, int expected)
    {
        var decision = QuantityRule.Decide(stock, SourceState.Live, buffer, max, currentDesiredQuantity: 7);

        Assert.Equal(expected, decision.Quantity);
        Assert.False(decision.Held);
    }

    [Theory]
    [InlineData(5, SourceState.Ended, 4)]
    [InlineData(null, SourceState.Ended, 4)]
    [InlineData(5, SourceState.Gone, 4)]
    [InlineData(null, SourceState.Gone, null)]
    public void Decide_IsZero_WhenTheSourceEndedOrIsConfirmedGone(int? stock, SourceState state, int? current)
    {
        var decision = QuantityRule.Decide(stock, state, 0, 10, current);

        Assert.Equal(0, decision.Quantity);
        Assert.False(decision.Held);
    }

    [Theory]
    [InlineData(5, SourceState.Unverifiable, 4)]
    [InlineData(0, SourceState.Unverifiable, 4)]
    [InlineData(null, SourceState.Unverifiable, null)]
    [InlineData(0, SourceState.Unknown, 4)]
    [InlineData(null, SourceState.Unknown, 2)]
    [InlineData(null, SourceState.Live, 4)]
    public void Decide_HoldsTheCurrentQuantity_WhenThereIsNoPositiveEvidence(int? stock, SourceState state, int? current)
    {
        var decision = QuantityRule.Decide(stock, state, 0, null, current);

        Assert.Equal(current, decision.Quantity);
        Assert.True(decision.Held);
    }

    [Theory]
    [InlineData(5, SourceState.Live, 1, null, null, "source stock 5 - buffer 1 = 4")]
    [InlineData(10, SourceState.Live, 1, 3, null, "source stock 10 - buffer 1 = 9, capped at max quantity 3")]
    [InlineData(1, SourceState.Live, 3, null, null, "source stock 1 - buffer 3 = -2, never below 0: quantity 0")]
    [InlineData(5, SourceState.Ended, 0, null, 4, "source ended: quantity 0")]
    [InlineData(null, SourceState.Gone, 0, null, 4, "source confirmed gone: quantity 0")]
    [InlineData(5, SourceState.Unverifiable, 0, null, 4, "source unverifiable: quantity held at 4")]
    [InlineData(5, SourceState.Unverifiable, 0, null, null, "source unverifiable: quantity held (none set yet)")]
    [InlineData(5, SourceState.Unknown, 0, null, 4, "source state unknown: quantity held at 4")]
    [InlineData(null, SourceState.Live, 0, null, 4, "source stock unknown: quantity held at 4")]
    public void Decide_SaysHowTheQuantityCameAbout(int? stock, SourceState state, int buffer, int? max, int? current, string expected)
    {
        var decision = QuantityRule.Decide(stock, state, buffer, max, current);

        Assert.Equal(expected, decision.Reason);
    }

    [Theory]
    [InlineData(-1, 0, null)]
    [InlineData(5, -1, null)]
    [InlineData(5, 0, -1)]
    public void Decide_Throws_WhenACountIsNegative(int stock, int buffer, int? max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Decide(stock, SourceState.Live, buffer, max, null));
    }

    [Fact]
    public void Decide_Throws_WhenTheStateIsNotASourceState()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Decide(5, (SourceState)99, 0, null, null));
    }
}
