using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Data;

public sealed class ErrorStoreTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task RecordAsync_StoresTheErrorWithItsSnapshot()
    {
        var (product, offer) = await CreateOfferAsync();

        var id = await Errors.RecordAsync(new NewError("layout_changed", "high", "no item data found")
        {
            ProductId = product.Id,
            InventoryId = offer.Id,
            ProductTitle = product.Title,
            SourceUrl = offer.SourceUrl,
            Platform = "yahoo",
            ErrorCode = "E_LAYOUT",
        }, CancellationToken.None);

        var error = await Errors.GetAsync(id, CancellationToken.None);
        Assert.NotNull(error);
        Assert.Equal(("layout_changed", "high", "no item data found"), (error.ErrorType, error.Severity, error.Message));
        Assert.Equal((product.Id, offer.Id, "yahoo", "E_LAYOUT"), (error.ProductId!.Value, error.InventoryId!.Value, error.Platform, error.ErrorCode));
        Assert.Equal(offer.SourceUrl, error.SourceUrl);
        Assert.False(error.Resolved);
        Assert.Equal(StartTime, error.CreatedAt);
    }

    [Theory]
    [InlineData("exploded", "high", "m", "error_type")]
    [InlineData("timeout", "urgent", "m", "severity")]
    [InlineData("timeout", "high", " ", "message")]
    public async Task RecordAsync_RejectsInvalidInput_NamingTheField(string type, string severity, string message, string field)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Errors.RecordAsync(new NewError(type, severity, message), CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public async Task RecordAsync_TruncatesAnOverlongMessage_InsteadOfFailing()
    {
        var id = await Errors.RecordAsync(new NewError("api_error", "medium", new string('x', 10_000)), CancellationToken.None);

        Assert.Equal(4000, (await Errors.GetAsync(id, CancellationToken.None))!.Message.Length);
    }

    [Fact]
    public async Task ListUnresolvedAsync_ReturnsErrorsAtOrAboveTheSeverity_NewestFirst()
    {
        await Errors.RecordAsync(new NewError("timeout", "low", "a"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var high = await Errors.RecordAsync(new NewError("blocked", "high", "b"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var critical = await Errors.RecordAsync(new NewError("layout_changed", "critical", "c"), CancellationToken.None);

        var urgent = await ErrorQueries.ListUnresolvedAsync("high", 10, CancellationToken.None);

        Assert.Equal([critical, high], urgent.Select(e => e.Id));
    }

    [Fact]
    public async Task ResolveAsync_RecordsWhoResolvedIt_Once()
    {
        var id = await Errors.RecordAsync(new NewError("timeout", "medium", "slow"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(2));

        Assert.True(await Errors.ResolveAsync(id, "再試行で解消", "staff:sato", CancellationToken.None));
        Assert.False(await Errors.ResolveAsync(id, "again", "staff:ito", CancellationToken.None));

        var error = await Errors.GetAsync(id, CancellationToken.None);
        Assert.True(error!.Resolved);
        Assert.Equal(("再試行で解消", "staff:sato"), (error.ResolutionNotes, error.ResolvedBy));
        Assert.Equal(StartTime.AddHours(2), error.ResolvedAt);
    }

    [Fact]
    public async Task ResolveAsync_RequiresWhoResolvedIt()
    {
        var id = await Errors.RecordAsync(new NewError("timeout", "medium", "slow"), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Errors.ResolveAsync(id, null, "", CancellationToken.None));

        Assert.Equal("resolved_by", ex.Field);
    }

    [Fact]
    public async Task CountUnresolvedBySeverityAsync_CountsEverySeverity_IncludingZeroes()
    {
        await Errors.RecordAsync(new NewError("timeout", "low", "a"), CancellationToken.None);
        await Errors.RecordAsync(new NewError("timeout", "low", "b"), CancellationToken.None);
        var resolved = await Errors.RecordAsync(new NewError("blocked", "high", "c"), CancellationToken.None);
        await Errors.ResolveAsync(resolved, null, "test", CancellationToken.None);

        var counts = await ErrorQueries.CountUnresolvedBySeverityAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["low"] = 2, ["medium"] = 0, ["high"] = 0, ["critical"] = 0 }, counts);
    }

    [Fact]
    public async Task ListForExecutionAsync_ReturnsThatExecutionsErrorsInOrder()
    {
        var run = await Executions.TryStartAsync("stock-check", null, "schedule", CancellationToken.None);
        var first = await Errors.RecordAsync(new NewError("timeout", "low", "a") { ExecutionId = run.ExecutionId }, CancellationToken.None);
        var second = await Errors.RecordAsync(new NewError("blocked", "medium", "b") { ExecutionId = run.ExecutionId }, CancellationToken.None);
        await Errors.RecordAsync(new NewError("blocked", "medium", "elsewhere"), CancellationToken.None);

        var errors = await ErrorQueries.ListForExecutionAsync(run.ExecutionId, CancellationToken.None);

        Assert.Equal([first, second], errors.Select(e => e.Id));
    }
}
