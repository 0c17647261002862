using System.Text.Json;
using Zaiko.Data;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Jobs.Listings;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Tests.Jobs.Listings;

/// <summary>The listing decision as a pure function: no database, the same answer for a check, a person and a simulation.</summary>
public sealed class ListingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly SourceSummary LiveTwo = new(SourceState.Live, 2, 1000m, "1 live offer(s), stock 2");
    private static readonly EffectivePriceRule Rule = new(PriceRuleLevel.Global, 1, PriceRuleValues.BuiltInDefault with { MarginPct = 10m });

    [Fact]
    public void Decide_ShowsStockLessBuffer_AndPricesByTheRule_WhenTheSourceIsLive()
    {
        var plan = ListingRules.Decide(Facts(Listing() with { BufferStock = 1 }, LiveTwo));

        Assert.Equal((1, 1100m), (plan.Desired.Quantity, plan.Desired.Price));
        Assert.Null(plan.Desired.HoldReason);
        Assert.Null(plan.Desired.PriceHoldReason);
    }

    [Theory]
    [InlineData(SourceState.Ended)]
    [InlineData(SourceState.Gone)]
    public void Decide_LowersQuantityToZero_OnPositiveEvidence(SourceState state)
    {
        var plan = ListingRules.Decide(Facts(Listing(), new SourceSummary(state, 0, null, "every offer ended")));

        Assert.Equal(0, plan.Desired.Quantity);
        Assert.Null(plan.Desired.HoldReason);
    }

    [Fact]
    public void Decide_KeepsQuantityAndHoldsTheListing_WhenTheSourceIsUnverifiable()
    {
        var plan = ListingRules.Decide(Facts(Listing() with { DesiredQuantity = 3 }, new SourceSummary(SourceState.Unverifiable, null, null, "offer unverifiable")));

        Assert.Equal(3, plan.Desired.Quantity);
        Assert.True(HoldReasons.Is(plan.Desired.HoldReason, HoldReasons.Unverifiable));
    }

    [Fact]
    public void Decide_LiftsAnUnverifiableHold_AsSoonAsTheSourceReadsAgain()
    {
        var plan = ListingRules.Decide(Facts(Listing() with { HoldReason = "unverifiable: offer unverifiable", SyncState = SyncStates.Held }, LiveTwo));

        Assert.Null(plan.Desired.HoldReason);
    }

    [Fact]
    public void Decide_KeepsAProductChangedHold_UntilAPersonAcceptsTheChange()
    {
        var held = Listing() with { HoldReason = "product_changed: the page now shows a different product", SyncState = SyncStates.Held };

        var kept = ListingRules.Decide(Facts(held, LiveTwo));
        var accepted = ListingRules.Decide(Facts(held, LiveTwo) with { ProductChangeAccepted = true });

        Assert.Equal(held.HoldReason, kept.Desired.HoldReason);
        Assert.Null(accepted.Desired.HoldReason);
    }

    [Fact]
    public void Decide_HoldsTheProduct_WhenTheCheckFoundADifferentProduct()
    {
        var plan = ListingRules.Decide(Facts(Listing(), LiveTwo) with { Findings = new SourceFindings("product_changed: another item", null, false) });

        Assert.Equal("product_changed: another item", plan.Desired.HoldReason);
    }

    [Fact]
    public void Decide_KeepsAPriceSpikeHoldButNotTheStock_UntilAPersonApprovesThePrice()
    {
        var spiked = Listing() with { PriceHoldReason = "price_spike: 1000 → 2000 JPY (+100.0 %, threshold ±30 %)", ConfirmedPrice = 1100m };
        var source = LiveTwo with { PriceJpy = 2000m };

        var kept = ListingRules.Decide(Facts(spiked, source));
        var approved = ListingRules.Decide(Facts(spiked, source) with { PriceApproved = true });

        Assert.Equal(spiked.PriceHoldReason, kept.Desired.PriceHoldReason);
        Assert.Equal(2, kept.Desired.Quantity);
        Assert.Null(approved.Desired.PriceHoldReason);
        Assert.Equal(2200m, approved.Desired.Price);
    }

    [Fact]
    public void Decide_HoldsAPriceBeyondTheMaxStep_UnlessItWasApproved()
    {
        var listing = Listing() with { ConfirmedPrice = 1100m };
        var source = LiveTwo with { PriceJpy = 1500m };

        var held = ListingRules.Decide(Facts(listing, source));
        var approved = ListingRules.Decide(Facts(listing, source) with { PriceApproved = true });

        Assert.Equal(PriceOutcome.HeldForReview, held.Price.Outcome);
        Assert.NotNull(held.Desired.PriceHoldReason);
        Assert.Equal((PriceOutcome.Ready, 1650m), (approved.Price.Outcome, approved.Desired.Price));
    }

    [Fact]
    public void Decide_KeepsTheLastPrice_WhenNoFxRateIsKnown()
    {
        var plan = ListingRules.Decide(Facts(Listing() with { Currency = "USD", DesiredPrice = 9.99m }, LiveTwo));

        Assert.Equal((PriceOutcome.Held, 9.99m), (plan.Price.Outcome, plan.Desired.Price));
        Assert.NotNull(plan.Desired.PriceHoldReason);
    }

    [Fact]
    public void Decide_ConvertsWithTheFreshestRate_ForAListingInAnotherCurrency()
    {
        var rates = new[] { new FxRate("EUR", "JPY", 160m, Now.AddHours(-3)), new FxRate("EUR", "USD", 1.1m, Now.AddHours(-3)) };

        var plan = ListingRules.Decide(Facts(Listing() with { Currency = "USD" }, LiveTwo) with { Rates = rates });

        // 1,100 yen × 1.1 / 160 = 7.5625 USD, rounded up to the next .99.
        Assert.Equal((PriceOutcome.Ready, 7.99m), (plan.Price.Outcome, plan.Desired.Price));
    }

    [Fact]
    public void Decide_WritesWhoDecidedAndWhy_IntoTheReasons()
    {
        var plan = ListingRules.Decide(Facts(Listing(), LiveTwo) with { Actor = "staff@example.jp", Decision = "approve the price of listing 5" });

        using var reason = JsonDocument.Parse(plan.Desired.ReasonJson);
        Assert.Equal("staff@example.jp", reason.RootElement.GetProperty("decidedBy").GetString());
        Assert.Equal("approve the price of listing 5", reason.RootElement.GetProperty("decision").GetString());
        Assert.Equal("Live", reason.RootElement.GetProperty("source").GetProperty("state").GetString());
    }

    private static ListingFacts Facts(Listing listing, SourceSummary source) => new(listing, source, Rule, [], Now) { Actor = "stock-check" };

    private static Listing Listing() => new(
        Id: 5, ProductId: 7, Platform: "ebay", EbaySku: "E-1", EbayOfferId: "71", AmazonSellerSku: null, MercariProductId: null, MercariVariantId: null,
        ListingUrl: null, ListingStatus: "active", Currency: "JPY", DesiredQuantity: null, DesiredPrice: null, DesiredReason: null, DesiredUpdatedAt: null,
        ConfirmedQuantity: 1, ConfirmedPrice: null, BufferStock: 0, MaxQuantity: null, AutoSyncEnabled: true, SyncState: SyncStates.Idle,
        HoldReason: null, PriceHoldReason: null, SyncLeaseUntil: null, SyncAttempts: 0, LastSyncedAt: null, LastReconciledAt: null, LastSyncError: null,
        CreatedAt: Now, UpdatedAt: Now, UpdatedBy: "test");
}
