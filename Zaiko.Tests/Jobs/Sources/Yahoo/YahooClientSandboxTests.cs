using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Sources.Yahoo;

/// <summary>Round trips through the composed YahooClient to the sandbox's item pages, one per page state.</summary>
public sealed class YahooClientSandboxTests(PostgresDatabase database, SandboxProcess sandbox) : ConnectorTest(database, sandbox)
{
    private const string AuctionId = "t1000000001";

    [Fact]
    public async Task FetchAsync_ReadsTheItem_WhenTheAuctionIsOpen()
    {
        await PutItemAsync(new Dictionary<string, object> { ["price"] = 1500, ["bids"] = 3 });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Live, 1500m, 1, 3, "JPY", SourceLayouts.NextData), (observation.Status, observation.Price, observation.Quantity, observation.Bids, observation.Currency, observation.Layout));
        Assert.Equal("テスト商品", observation.Title);
    }

    [Fact]
    public async Task FetchAsync_ReportsEnded_WhenTheAuctionIsClosed()
    {
        await PutItemAsync(new Dictionary<string, object> { ["status"] = "closed" });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Ended, 0, 200), (observation.Status, observation.Quantity, observation.HttpStatus));
    }

    [Fact]
    public async Task FetchAsync_ReadsTheBuyNowPrice_WhenTheAuctionHasOne()
    {
        await PutItemAsync(new Dictionary<string, object> { ["price"] = 1000, ["buyNowPrice"] = 3000 });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Live, 1000m, 3000m), (observation.Status, observation.Price, observation.BuyNowPrice));
    }

    [Fact]
    public async Task FetchAsync_ReadsTheQuantity_WhenMoreThanOneUnitIsOffered()
    {
        await PutItemAsync(new Dictionary<string, object> { ["quantity"] = 5 });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Live, 5), (observation.Status, observation.Quantity));
    }

    [Fact]
    public async Task FetchAsync_ReportsGone_WhenTheAuctionWasDeleted()
    {
        await PutItemAsync(new Dictionary<string, object> { ["status"] = "deleted" });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Gone, 404, 0), (observation.Status, observation.HttpStatus, observation.Quantity));
    }

    [Fact]
    public async Task FetchAsync_ReportsEnded_WhenAClosedAuctionAnswers404ButStillShowsTheItem()
    {
        await PutItemAsync(new Dictionary<string, object> { ["status"] = "closed", ["closedAs404"] = true });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Ended, 404, 0), (observation.Status, observation.HttpStatus, observation.Quantity));
    }

    [Fact]
    public async Task FetchAsync_ReportsBlocked_WhenABotWallAnswers()
    {
        await PutItemAsync(new Dictionary<string, object> { ["botWall"] = true });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Blocked, null), (observation.Status, observation.Quantity));
    }

    [Fact]
    public async Task FetchAsync_ReadsTheLegacyMarkup_WhenThePageHasTheOldLayout()
    {
        await PutItemAsync(new Dictionary<string, object> { ["layout"] = "legacy", ["price"] = 34840 });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.Live, SourceLayouts.LegacyDom, 34840m), (observation.Status, observation.Layout, observation.Price));
    }

    [Fact]
    public async Task FetchAsync_ReportsLayoutChanged_WhenThePageWasRedesigned()
    {
        await PutItemAsync(new Dictionary<string, object> { ["layout"] = "redesigned" });

        var observation = await FetchAsync();

        Assert.Equal((SourceStatus.LayoutChanged, null), (observation.Status, observation.Quantity));
    }

    private Task PutItemAsync(Dictionary<string, object> fields)
    {
        var item = new Dictionary<string, object>
        {
            ["auctionId"] = AuctionId,
            ["title"] = "テスト商品",
            ["price"] = 1000,
            ["quantity"] = 1,
            ["status"] = "open",
            ["endTime"] = DateTimeOffset.UtcNow.AddDays(3),
            ["seller"] = "seller",
        };
        foreach (var (key, value) in fields)
        {
            item[key] = value;
        }

        return Sandbox.PutYahooItemAsync(item);
    }

    private Task<SourceObservation> FetchAsync() => Services().GetRequiredService<YahooClient>().FetchAsync(AuctionId, CancellationToken.None);
}
