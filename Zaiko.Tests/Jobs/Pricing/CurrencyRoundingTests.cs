using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Pricing;

public sealed class CurrencyRoundingTests
{
    [Theory]
    [InlineData("23.40", "USD", "23.99")]
    [InlineData("23.99", "USD", "23.99")]
    [InlineData("24.00", "USD", "24.99")]
    [InlineData("23.995", "USD", "24.99")]
    [InlineData("23.001", "USD", "23.99")]
    [InlineData("0.01", "USD", "0.99")]
    [InlineData("0", "USD", "0.99")]
    [InlineData("10.5", "EUR", "10.99")]
    [InlineData("99.991", "GBP", "100.99")]
    [InlineData("7", "AUD", "7.99")]
    [InlineData("12.98", "CAD", "12.99")]
    [InlineData("1231", "JPY", "1240")]
    [InlineData("1230", "JPY", "1230")]
    [InlineData("1230.01", "JPY", "1240")]
    [InlineData("1239.99", "JPY", "1240")]
    [InlineData("5", "JPY", "10")]
    [InlineData("0", "JPY", "0")]
    [InlineData("10.001", "CHF", "10.01")]
    [InlineData("10.00", "CHF", "10.00")]
    [InlineData("10.129", "CHF", "10.13")]
    [InlineData("91230.5", "KRW", "91230.50")]
    public void RoundUp_ReachesTheNextShelfPrice_ForTheCurrency(string amount, string currency, string expected)
    {
        var rounded = CurrencyRounding.RoundUp(PricingExamples.D(amount), currency);

        Assert.Equal(PricingExamples.D(expected), rounded);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    public void RoundUp_NeverLowersTheAmount(string currency)
    {
        var amounts = Enumerable.Range(0, 2000).Select(i => i * 0.137m);

        var lowered = amounts.Where(amount => CurrencyRounding.RoundUp(amount, currency) < amount).ToList();

        Assert.Empty(lowered);
    }

    [Fact]
    public void RoundUp_Throws_WhenTheAmountIsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CurrencyRounding.RoundUp(-0.01m, "USD"));
    }
}
