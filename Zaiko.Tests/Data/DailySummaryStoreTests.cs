using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class DailySummaryStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    private DailySummaryStore Summaries => new(Database.DataSource);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SummaryDay.SeedAsync(Database.DataSource);
    }

    [Fact]
    public async Task GetAsync_TalliesTheDaysExecutionsByTypeAndOutcome()
    {
        var summary = await GetAsync();

        var stock = Assert.Single(summary.Executions, e => e.ProcessType == "stock-check");
        Assert.Equal((3, 1, 1, 0, 1, 500L, 15L), (stock.Runs, stock.Completed, stock.Partial, stock.Failed, stock.Skipped, stock.Processed, stock.Errors));
        Assert.Equal(["cleanup", "full-validation", "price-check", "reconcile", "stock-check"], summary.Executions.Select(e => e.ProcessType));
    }

    [Fact]
    public async Task GetAsync_CountsStockAndPriceChanges_AndStockOuts()
    {
        var summary = await GetAsync();

        Assert.Equal(new ChangeTally(StockChanges: 4, PriceChanges: 4, StatusChanges: 1, StockOuts: 3), summary.Changes);
    }

    [Fact]
    public async Task GetAsync_RanksTheTopFiveErrorTypes_WithTheirHighestSeverity()
    {
        var summary = await GetAsync();

        Assert.Equal(18, summary.ErrorCount);
        Assert.Equal(
            [("timeout", 6L, "low"), ("blocked", 4L, "medium"), ("layout_changed", 4L, "critical"), ("price_spike", 2L, "medium"), ("api_error", 1L, "high")],
            summary.TopErrors.Select(e => (e.ErrorType, e.Count, e.HighestSeverity)));
    }

    [Fact]
    public async Task GetAsync_ListsListingsHeldWholeOrForTheirPrice()
    {
        var summary = await GetAsync();

        Assert.Equal((3L, 2L), (summary.HeldListingCount, summary.HeldProductCount));
        Assert.Equal([("ebay", false), ("mercari", true), ("amazon", true)],
            summary.HeldListings.OrderBy(h => h.ListingId).Select(h => (h.Platform, h.PriceOnly)));
        Assert.Equal("ソースの商品が別の商品に変わりました", summary.HeldListings.Single(h => !h.PriceOnly).Reason);
    }

    [Fact]
    public async Task GetAsync_ReadsTheKpiInputs_OfTheDayOnly()
    {
        var summary = await GetAsync();

        Assert.Equal(new KpiInputs(HealthChecks: 200, HealthChecksOk: 199, ReconcileChecked: 500, ReconcileMatching: 498,
            AverageSourceLatencyMs: 1800, CheckErrors: 65, CheckProcessed: 850), summary.Kpis);
    }

    [Fact]
    public async Task GetAsync_HasNoKpiData_ForADayWithoutActivity()
    {
        var summary = await Summaries.GetAsync(SummaryDay.To.AddDays(1), SummaryDay.To.AddDays(2), 5, 20, CancellationToken.None);

        Assert.Equal(new KpiInputs(0, 0, 0, 0, null, 0, 0), summary.Kpis);
        Assert.Empty(summary.Executions);
    }

    [Fact]
    public async Task GetAsync_RejectsAPeriodThatEndsBeforeItStarts()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Summaries.GetAsync(SummaryDay.To, SummaryDay.From, 5, 20, CancellationToken.None));

        Assert.Equal("to", ex.Field);
    }

    private Task<DaySummary> GetAsync() => Summaries.GetAsync(SummaryDay.From, SummaryDay.To, 5, 20, CancellationToken.None);
}
