using Dapper;
using Zaiko.Data;
using Zaiko.Data.Pricing;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class PriceRuleStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private static readonly PriceRuleValues EbayRule = new(800m, 2500m, 15m, 13.25m, 2.9m, 30m, 500m, "USD", 20m);

    private PriceRuleStore Rules => new(Database.DataSource, Clock);

    [Fact]
    public async Task SaveAsync_StoresTheGlobalDefault_WithTheClockTimeAndActor()
    {
        var saved = await Rules.SaveAsync(null, null, EbayRule, "staff:sato", CancellationToken.None);

        var stored = await Rules.GetAsync(null, null, CancellationToken.None);

        Assert.Equal(
            new StoredPriceRule(saved.Id, null, null, 800m, 2500m, 15m, 13.25m, 2.9m, 30m, 500m, "USD", 20m, StartTime, StartTime, "staff:sato"),
            stored);
        Assert.Equal(EbayRule, stored!.Values);
    }

    [Fact]
    public async Task SaveAsync_ReplacesTheRuleOfTheSameScope_KeepingItsIdAndCreationTime()
    {
        var (product, _) = await CreateOfferAsync();
        var first = await Rules.SaveAsync(product.Id, "ebay", EbayRule, "import", CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await Rules.SaveAsync(product.Id, "ebay", EbayRule with { MarginPct = 25m, FloorPrice = null }, "staff:sato", CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(25m, second.MarginPct);
        Assert.Null(second.FloorPrice);
        Assert.Equal(StartTime, second.CreatedAt);
        Assert.Equal(StartTime.AddMinutes(5), second.UpdatedAt);
        Assert.Equal("staff:sato", second.UpdatedBy);
        Assert.Equal(1, await CountRulesAsync());
    }

    [Fact]
    public async Task SaveAsync_KeepsEveryScopeApart()
    {
        var (product, _) = await CreateOfferAsync();

        await Rules.SaveAsync(null, null, EbayRule with { MarginPct = 1m }, "test", CancellationToken.None);
        await Rules.SaveAsync(null, "ebay", EbayRule with { MarginPct = 2m }, "test", CancellationToken.None);
        await Rules.SaveAsync(product.Id, null, EbayRule with { MarginPct = 3m }, "test", CancellationToken.None);
        await Rules.SaveAsync(product.Id, "ebay", EbayRule with { MarginPct = 4m }, "test", CancellationToken.None);

        Assert.Equal(4, await CountRulesAsync());
        Assert.Equal(1m, (await Rules.GetAsync(null, null, CancellationToken.None))!.MarginPct);
        Assert.Equal(2m, (await Rules.GetAsync(null, "ebay", CancellationToken.None))!.MarginPct);
        Assert.Equal(3m, (await Rules.GetAsync(product.Id, null, CancellationToken.None))!.MarginPct);
        Assert.Equal(4m, (await Rules.GetAsync(product.Id, "ebay", CancellationToken.None))!.MarginPct);
    }

    public static TheoryData<PriceRuleValues, string> InvalidValues => new()
    {
        { EbayRule with { DomesticShippingJpy = -1m }, "domestic_shipping_jpy" },
        { EbayRule with { DomesticShippingJpy = 0.001m }, "domestic_shipping_jpy" },
        { EbayRule with { InternationalShippingJpy = -5m }, "international_shipping_jpy" },
        { EbayRule with { InternationalShippingJpy = 10_000_000_000m }, "international_shipping_jpy" },
        { EbayRule with { MarginPct = -100m }, "margin_pct" },
        { EbayRule with { MarginPct = 1000m }, "margin_pct" },
        { EbayRule with { MarginPct = 1.2345m }, "margin_pct" },
        { EbayRule with { ChannelFeePct = -1m }, "channel_fee_pct" },
        { EbayRule with { ChannelFeePct = 100m }, "channel_fee_pct" },
        { EbayRule with { PaymentFeePct = 0.0001m }, "payment_fee_pct" },
        { EbayRule with { ChannelFeePct = 60m, PaymentFeePct = 40m }, "payment_fee_pct" },
        { EbayRule with { FloorPrice = 0m }, "floor_price" },
        { EbayRule with { FloorPrice = -1m }, "floor_price" },
        { EbayRule with { CeilingPrice = 10.001m }, "ceiling_price" },
        { EbayRule with { FloorPrice = 200m, CeilingPrice = 100m }, "floor_price" },
        { EbayRule with { LimitsCurrency = null }, "limits_currency" },
        { EbayRule with { FloorPrice = null, LimitsCurrency = null }, "limits_currency" },
        { EbayRule with { LimitsCurrency = "usd" }, "limits_currency" },
        { EbayRule with { LimitsCurrency = "US" }, "limits_currency" },
        { EbayRule with { MaxStepPct = 0m }, "max_step_pct" },
        { EbayRule with { MaxStepPct = 1000m }, "max_step_pct" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task SaveAsync_RejectsInvalidValues_NamingTheFieldAndWritingNothing(PriceRuleValues values, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rules.SaveAsync(null, null, values, "test", CancellationToken.None));

        Assert.Equal(field, ex.Field);
        Assert.Equal(0, await CountRulesAsync());
    }

    [Fact]
    public async Task SaveAsync_LeavesTheStoredRuleAlone_WhenItsReplacementIsInvalid()
    {
        var saved = await Rules.SaveAsync(null, "ebay", EbayRule, "test", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidInputException>(() =>
            Rules.SaveAsync(null, "ebay", EbayRule with { ChannelFeePct = 99m }, "test", CancellationToken.None));

        Assert.Equal(saved, await Rules.GetAsync(null, "ebay", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_StoresValuesExactly_AtTheEdgesOfTheirColumns()
    {
        var values = new PriceRuleValues(0.01m, 9_999_999_999.99m, -99.999m, 0.001m, 99.998m, 0.01m, 9_999_999_999.99m, "JPY", 999.999m);

        var saved = await Rules.SaveAsync(null, null, values, "test", CancellationToken.None);

        Assert.Equal(values, saved.Values);
    }

    [Fact]
    public async Task SaveAsync_RejectsAProductThatDoesNotExist_NamingTheField()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rules.SaveAsync(4242, null, EbayRule, "test", CancellationToken.None));

        Assert.Equal("product_id", ex.Field);
        Assert.Equal("product 4242 does not exist", ex.Reason);
        Assert.Equal(0, await CountRulesAsync());
    }

    [Theory]
    [InlineData(0L, null, "product_id")]
    [InlineData(-1L, null, "product_id")]
    [InlineData(null, "yahoo", "platform")]
    [InlineData(null, "EBAY", "platform")]
    public async Task SaveAsync_RejectsAnInvalidScope_NamingTheField(long? productId, string? platform, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rules.SaveAsync(productId, platform, EbayRule, "test", CancellationToken.None));

        Assert.Equal(field, ex.Field);
        Assert.Equal(0, await CountRulesAsync());
    }

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenOnlyAWiderScopeHasARule()
    {
        var (product, _) = await CreateOfferAsync();
        await Rules.SaveAsync(null, null, EbayRule, "test", CancellationToken.None);

        var rule = await Rules.GetAsync(product.Id, "ebay", CancellationToken.None);

        Assert.Null(rule);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThatScope_AndSaysWhetherThereWasARule()
    {
        await Rules.SaveAsync(null, null, EbayRule, "test", CancellationToken.None);
        await Rules.SaveAsync(null, "ebay", EbayRule, "test", CancellationToken.None);

        var deleted = await Rules.DeleteAsync(null, "ebay", CancellationToken.None);
        var deletedAgain = await Rules.DeleteAsync(null, "ebay", CancellationToken.None);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.NotNull(await Rules.GetAsync(null, null, CancellationToken.None));
        Assert.Equal(1, await CountRulesAsync());
    }

    [Theory]
    [InlineData("product+platform product global+platform global", PriceRuleLevel.ProductPlatform, "4")]
    [InlineData("product global+platform global", PriceRuleLevel.Product, "3")]
    [InlineData("global+platform global", PriceRuleLevel.GlobalPlatform, "2")]
    [InlineData("global", PriceRuleLevel.Global, "1")]
    [InlineData("product+platform global", PriceRuleLevel.ProductPlatform, "4")]
    [InlineData("product global", PriceRuleLevel.Product, "3")]
    [InlineData("global+platform", PriceRuleLevel.GlobalPlatform, "2")]
    [InlineData("", PriceRuleLevel.BuiltIn, "0")]
    public async Task GetEffectiveAsync_ReturnsTheMostSpecificRule(string scopes, PriceRuleLevel expectedLevel, string expectedMargin)
    {
        var (product, _) = await CreateOfferAsync();
        var margins = new Dictionary<string, (long? ProductId, string? Platform, decimal Margin)>
        {
            ["product+platform"] = (product.Id, "ebay", 4m),
            ["product"] = (product.Id, null, 3m),
            ["global+platform"] = (null, "ebay", 2m),
            ["global"] = (null, null, 1m),
        };
        foreach (var scope in scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (productId, platform, margin) = margins[scope];
            await Rules.SaveAsync(productId, platform, EbayRule with { MarginPct = margin }, "test", CancellationToken.None);
        }

        var effective = await Rules.GetEffectiveAsync(product.Id, "ebay", CancellationToken.None);

        Assert.Equal(expectedLevel, effective.Level);
        Assert.Equal(decimal.Parse(expectedMargin, System.Globalization.CultureInfo.InvariantCulture), effective.Values.MarginPct);
    }

    [Fact]
    public async Task GetEffectiveAsync_IgnoresRulesOfOtherProductsAndPlatforms()
    {
        var (product, _) = await CreateOfferAsync("SKU-1", "o1");
        var (other, _) = await CreateOfferAsync("SKU-2", "o2");
        var global = await Rules.SaveAsync(null, null, EbayRule with { MarginPct = 1m }, "test", CancellationToken.None);
        await Rules.SaveAsync(other.Id, "ebay", EbayRule with { MarginPct = 9m }, "test", CancellationToken.None);
        await Rules.SaveAsync(product.Id, "mercari", EbayRule with { MarginPct = 8m, LimitsCurrency = "JPY" }, "test", CancellationToken.None);
        await Rules.SaveAsync(null, "amazon", EbayRule with { MarginPct = 7m }, "test", CancellationToken.None);

        var effective = await Rules.GetEffectiveAsync(product.Id, "ebay", CancellationToken.None);

        Assert.Equal(new EffectivePriceRule(PriceRuleLevel.Global, global.Id, global.Values), effective);
    }

    [Fact]
    public async Task GetEffectiveAsync_ReturnsTheBuiltInDefault_WhenNoRuleIsStored()
    {
        var (product, _) = await CreateOfferAsync();

        var effective = await Rules.GetEffectiveAsync(product.Id, "mercari", CancellationToken.None);

        Assert.Equal(new EffectivePriceRule(PriceRuleLevel.BuiltIn, null, new PriceRuleValues(0m, 0m, 0m, 0m, 0m, null, null, null, 20m)), effective);
        Assert.Equal("built-in default", effective.Describe());
    }

    [Fact]
    public async Task GetEffectiveAsync_NamesTheStoredRule_ForTheAuditTrail()
    {
        var (product, _) = await CreateOfferAsync();
        var saved = await Rules.SaveAsync(product.Id, "ebay", EbayRule, "test", CancellationToken.None);

        var effective = await Rules.GetEffectiveAsync(product.Id, "ebay", CancellationToken.None);

        Assert.Equal($"rule {saved.Id} (product+platform)", effective.Describe());
    }

    [Theory]
    [InlineData(0L, "ebay", "product_id")]
    [InlineData(1L, "yahoo", "platform")]
    public async Task GetEffectiveAsync_RejectsAnInvalidScope_NamingTheField(long productId, string platform, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Rules.GetEffectiveAsync(productId, platform, CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task Schema_RefusesAFloorWithoutACurrency_EvenWhenWrittenDirectly()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync("INSERT INTO price_rules (floor_price) VALUES (10)"));

        Assert.Equal("price_rules_limits_have_currency", ex.ConstraintName);
    }

    private async Task<long> CountRulesAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM price_rules");
    }
}
