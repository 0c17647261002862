using Zaiko.Data.Inventory;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Settings;
using Zaiko.Jobs.Sources;

namespace Zaiko.Tests.Jobs.Checks;

public sealed class ObservationEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Run = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly CheckContext Context = new(Run, "stock-check");
    private static readonly MonitoringSettings Settings = MonitoringSettings.Default;

    [Fact]
    public void Evaluate_RecordsNothing_WhenALiveOfferIsUnchanged()
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Live(), Context, Settings);

        Assert.Null(transition.History);
        Assert.False(transition.Changed);
        Assert.Empty(transition.Errors);
        Assert.Equal(Now, transition.Record.LastVerifiedAt);
        Assert.Equal(Run, transition.Record.LastExecutionId);
    }

    [Fact]
    public void Evaluate_LowersStockToZero_WhenTheAuctionEnded()
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Live() with { Status = SourceStatus.Ended, Quantity = 0 }, Context, Settings);

        Assert.Equal((0, "ended"), (transition.Record.CurrentStock, transition.Record.UrlStatus));
        Assert.True(transition.NewlyOutOfStock);
        Assert.Equal("stock_change", transition.History!.ChangeType);
        Assert.Equal((1, 0, "active", "ended"), (transition.History.PreviousStock, transition.History.NewStock, transition.History.PreviousStatus, transition.History.NewStatus));
    }

    [Theory]
    [InlineData(SourceStatus.TransientError, 503)]
    [InlineData(SourceStatus.TransientError, 429)]
    [InlineData(SourceStatus.TransientError, 0)]
    [InlineData(SourceStatus.Blocked, 200)]
    [InlineData(SourceStatus.LayoutChanged, 200)]
    public void Evaluate_NeverTouchesStock_WhenTheCheckFailed(SourceStatus status, int httpStatus)
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Failed(status, httpStatus), Context, Settings);

        Assert.Equal(1, transition.Record.CurrentStock);
        Assert.Equal(1000m, transition.Record.CurrentPrice);
        Assert.True(transition.Failed);
        Assert.False(transition.NewlyOutOfStock);
        Assert.Equal(1, transition.Record.ConsecutiveFailures);
        Assert.Single(transition.Errors);
    }

    [Theory]
    [InlineData(503, "api_error", "low")]
    [InlineData(429, "rate_limited", "low")]
    [InlineData(0, "timeout", "low")]
    public void Evaluate_TypesTransientErrors_ByWhatFailed(int httpStatus, string type, string severity)
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Failed(SourceStatus.TransientError, httpStatus), Context, Settings);

        Assert.Equal((type, severity), (transition.Errors[0].ErrorType, transition.Errors[0].Severity));
    }

    [Fact]
    public void Evaluate_MarksTheOfferUnverifiable_OnTheThirdFailureInARow()
    {
        var offer = Offer() with { ConsecutiveFailures = 2 };

        var transition = ObservationEvaluator.Evaluate(offer, Failed(SourceStatus.Blocked, 200), Context, Settings);

        Assert.Equal("unverifiable", transition.Record.UrlStatus);
        Assert.Equal(1, transition.Record.CurrentStock);
        var unverifiable = Assert.Single(transition.Errors, e => e.ErrorType == "unverifiable");
        Assert.Equal("high", unverifiable.Severity);
    }

    [Fact]
    public void Evaluate_RaisesUnverifiableOnce_NotOnEveryFurtherFailure()
    {
        var offer = Offer() with { ConsecutiveFailures = 5, UrlStatus = "unverifiable" };

        var transition = ObservationEvaluator.Evaluate(offer, Failed(SourceStatus.TransientError, 503), Context, Settings);

        Assert.DoesNotContain(transition.Errors, e => e.ErrorType == "unverifiable");
        Assert.Equal(6, transition.Record.ConsecutiveFailures);
    }

    [Fact]
    public void Evaluate_ReturnsToActive_WhenAnUnverifiableOfferReadsAgain()
    {
        var offer = Offer() with { ConsecutiveFailures = 4, UrlStatus = "unverifiable" };

        var transition = ObservationEvaluator.Evaluate(offer, Live(), Context, Settings);

        Assert.Equal(("active", 0), (transition.Record.UrlStatus, transition.Record.ConsecutiveFailures));
        Assert.Equal("status_change", transition.History!.ChangeType);
    }

    [Fact]
    public void Evaluate_OnlySuspectsGone_OnTheFirst404()
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Gone(Now), Context, Settings);

        Assert.Equal((1, "active"), (transition.Record.CurrentStock, transition.Record.UrlStatus));
        Assert.Equal(Now, transition.Record.GoneSuspectedAt);
        Assert.Equal(Now.AddMinutes(5), transition.GoneRecheckAt);
        Assert.Null(transition.History);
    }

    [Fact]
    public void Evaluate_KeepsWaiting_WhenTheSecond404ComesTooSoon()
    {
        var offer = Offer() with { GoneSuspectedAt = Now };

        var transition = ObservationEvaluator.Evaluate(offer, Gone(Now.AddMinutes(4)), Context, Settings);

        Assert.Equal(1, transition.Record.CurrentStock);
        Assert.Equal(Now.AddMinutes(5), transition.GoneRecheckAt);
    }

    [Fact]
    public void Evaluate_ConfirmsGone_WhenThe404RepeatsFiveMinutesLater()
    {
        var offer = Offer() with { GoneSuspectedAt = Now };

        var transition = ObservationEvaluator.Evaluate(offer, Gone(Now.AddMinutes(5)), Context, Settings);

        Assert.Equal((0, "dead"), (transition.Record.CurrentStock, transition.Record.UrlStatus));
        Assert.True(transition.NewlyOutOfStock);
        Assert.Equal("url_dead", Assert.Single(transition.Errors).ErrorType);
    }

    [Fact]
    public void Evaluate_ForgetsTheSuspicion_WhenTheItemIsBack()
    {
        var offer = Offer() with { GoneSuspectedAt = Now };

        var transition = ObservationEvaluator.Evaluate(offer, Live(Now.AddMinutes(2)), Context, Settings);

        Assert.Null(transition.Record.GoneSuspectedAt);
    }

    [Theory]
    [InlineData(1301)]
    [InlineData(690)]
    public void Evaluate_HoldsThePrice_WhenItMovesBeyondTheThreshold(int newPrice)
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Live() with { Price = newPrice }, Context, Settings);

        Assert.StartsWith("price_spike", transition.PriceHoldReason);
        Assert.Equal("price_spike", Assert.Single(transition.Errors).ErrorType);
        Assert.Equal(newPrice, transition.Record.CurrentPrice);
        Assert.Null(transition.ProductHoldReason);
    }

    [Theory]
    [InlineData(1300)]
    [InlineData(700)]
    public void Evaluate_AcceptsThePrice_WhenItMovesWithinTheThreshold(int newPrice)
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Live() with { Price = newPrice }, Context, Settings);

        Assert.Null(transition.PriceHoldReason);
        Assert.Equal("price_change", transition.History!.ChangeType);
    }

    [Fact]
    public void Evaluate_HoldsEverything_WhenTheTitleNowDescribesAnotherProduct()
    {
        var transition = ObservationEvaluator.Evaluate(Offer(), Live() with { Title = "別の商品", TitleHash = "other", Price = 5, Quantity = 0 }, Context, Settings);

        Assert.Equal("changed", transition.Record.UrlStatus);
        Assert.StartsWith("product_changed", transition.ProductHoldReason);
        Assert.Equal((1, 1000m), (transition.Record.CurrentStock, transition.Record.CurrentPrice));
        var error = Assert.Single(transition.Errors);
        Assert.Equal(("product_changed", "high"), (error.ErrorType, error.Severity));
    }

    [Fact]
    public void Evaluate_SchedulesACheckAfterTheKnownEnd_WhenTheEndTimeIsNew()
    {
        var end = Now.AddHours(5);

        var transition = ObservationEvaluator.Evaluate(Offer(), Live() with { EndTime = end }, Context, Settings);

        Assert.Equal(end.AddMinutes(2), transition.EndCheckAt);
    }

    [Fact]
    public void Evaluate_SchedulesNothing_WhenTheEndTimeIsAlreadyScheduled()
    {
        var end = Now.AddHours(5);
        var offer = Offer() with { SourceEndTime = end, EndCheckJobId = "42" };

        var transition = ObservationEvaluator.Evaluate(offer, Live() with { EndTime = end }, Context, Settings);

        Assert.Null(transition.EndCheckAt);
    }

    [Fact]
    public void Evaluate_TakesTheFirstTitleHash_WhenTheOfferHadNone()
    {
        var offer = Offer() with { Title = null, TitleHash = null, CurrentStock = null, CurrentPrice = null };

        var transition = ObservationEvaluator.Evaluate(offer, Live(), Context, Settings);

        Assert.Equal(("hash-a", "商品A"), (transition.Record.TitleHash, transition.Record.Title));
        Assert.Equal((null, 1), (transition.History!.PreviousStock, transition.History.NewStock));
    }

    private static MonitoredOffer Offer() => new(
        7, 3, "yahoo", "https://auctions.yahoo.co.jp/jp/auction/o1202015332", "o1202015332", "商品A", "hash-a",
        1, 1000m, 1100m, null, "JPY", 2, null, "active", "next-data", Now.AddHours(-6), Now.AddHours(-6), 0, null, null,
        true, null, Now.AddDays(-3), Now.AddHours(-6), "test", null, null);

    private static SourceObservation Live(DateTimeOffset? at = null) => new()
    {
        Status = SourceStatus.Live,
        SourceProductId = "o1202015332",
        Title = "商品A",
        TitleHash = "hash-a",
        Price = 1000m,
        PriceIncludingTax = 1100m,
        Currency = "JPY",
        Quantity = 1,
        Bids = 2,
        Layout = "next-data",
        FetchedAt = at ?? Now,
        HttpStatus = 200,
        ElapsedMs = 12,
    };

    private static SourceObservation Failed(SourceStatus status, int httpStatus) => new()
    {
        Status = status,
        SourceProductId = "o1202015332",
        FetchedAt = Now,
        HttpStatus = httpStatus,
        ElapsedMs = 30,
        Error = $"{status} {httpStatus}",
    };

    private static SourceObservation Gone(DateTimeOffset at) => new()
    {
        Status = SourceStatus.Gone,
        SourceProductId = "o1202015332",
        Quantity = 0,
        FetchedAt = at,
        HttpStatus = 404,
        ElapsedMs = 20,
        Error = "HTTP 404",
    };
}
