using Zaiko.Data.Fx;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class FxRateTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_KeepsThePairRateAndPublicationTime()
    {
        var stored = new StoredFxRate("EUR", "USD", 1.0812m, "ecb", Friday, Friday.AddHours(16));

        var rate = FxRate.From(stored);

        Assert.Equal(new FxRate("EUR", "USD", 1.0812m, Friday), rate);
    }

    [Fact]
    public void Pair_PutsTheBaseFirst()
    {
        Assert.Equal("JPY/USD", new FxRate("JPY", "USD", 0.0067m, Friday).Pair);
    }
}
