using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.History;
using Zaiko.Jobs.Alerts;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

public sealed class AlertDispatchJobTests(PostgresDatabase database) : AlertTest(database)
{
    private static readonly AlertSettings WithSlack = AlertSettings.Default with { SlackWebhookUrl = "https://hooks.slack.com/services/T0/B0/secret" };

    [Fact]
    public async Task RunAsync_EnqueuesOneSendJobPerChannel_ForACriticalRunError()
    {
        await SetAlertSettingsAsync(WithSlack);
        var run = await StartRunAsync();
        await RecordRunErrorAsync(run);

        await DispatchAsync();

        var alert = Assert.Single(await ListAlertsAsync());
        Assert.Equal(($"layout_changed:run:{run}", "critical"), (alert.DedupKey, alert.Level));
        Assert.Equal([(alert.Id, "email"), (alert.Id, "slack")], EnqueuedSends);
    }

    [Fact]
    public async Task RunAsync_LeavesAnError_UntilItHasSettled()
    {
        await RecordRunErrorAsync(await StartRunAsync());

        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertDispatchJob>().RunAsync(CancellationToken.None);
        }

        Assert.Empty(await ListAlertsAsync());
        await DispatchAsync();
        Assert.Single(await ListAlertsAsync());
    }

    [Fact]
    public async Task RunAsync_NeverEnqueuesTwice_WhenRunAgain()
    {
        await SetAlertSettingsAsync(WithSlack);
        await RecordRunErrorAsync(await StartRunAsync());
        await DispatchAsync();

        await DispatchAsync();

        Assert.Single(await ListAlertsAsync());
        Assert.Equal(2, EnqueuedSends.Count);
    }

    [Fact]
    public async Task RunAsync_EnqueuesTheAlertsOfAPassThatDiedBeforeEnqueueing()
    {
        long id;
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            id = await Alerts.CreateAsync(connection, transaction,
                new NewAlert("health_check:system", "error", "health_check", "database failed", Clock.GetUtcNow(), ["email"]), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await DispatchAsync();

        Assert.Equal([(id, "email")], EnqueuedSends);
        Assert.NotNull((await Alerts.GetAsync(id, CancellationToken.None))!.EnqueuedAt);
    }

    [Fact]
    public async Task RunAsync_RaisesOneAlertPerRun_ForARunLevelErrorRecordedAgain()
    {
        var run = await StartRunAsync();
        await RecordRunErrorAsync(run);
        await DispatchAsync();
        Assert.Empty(await SendEnqueuedAsync());
        Clock.Advance(TimeSpan.FromHours(3));

        await RecordRunErrorAsync(run);
        await DispatchAsync();

        Assert.Single(await ListAlertsAsync());
        var log = await AlertLog.ListForKeyAsync($"layout_changed:run:{run}", CancellationToken.None);
        Assert.Equal(["sent", "suppressed"], log.Select(entry => entry.Result));
    }

    [Fact]
    public async Task RunAsync_RaisesSeparateAlerts_ForTheSameRunLevelErrorOfTwoRuns()
    {
        var first = await StartRunAsync();
        await RecordRunErrorAsync(first);
        await Executions.FinishAsync(first, ExecutionStatuses.Completed, null, CancellationToken.None);
        await RecordRunErrorAsync(await StartRunAsync());

        await DispatchAsync();

        Assert.Equal(2, (await ListAlertsAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_CountsRepeatsInsideTheCooldown_AndReportsThemInTheNextAlert()
    {
        var (product, offer) = await CreateOfferAsync();
        await RecordProductErrorAsync(product.Id, offer.Id);
        await DispatchAsync();
        for (var i = 0; i < 14; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(2));
            await RecordProductErrorAsync(product.Id, offer.Id);
            await DispatchAsync();
        }

        Clock.Advance(TimeSpan.FromMinutes(5));
        await RecordProductErrorAsync(product.Id, offer.Id);
        await DispatchAsync();

        var alerts = await ListAlertsAsync();
        Assert.Equal([0, 14], alerts.Select(a => a.RepeatsReported));
        Assert.EndsWith("(他14件)", AlertText.Subject(alerts[1]));
        var log = await AlertLog.ListForKeyAsync($"unverifiable:product:{product.Id}", CancellationToken.None);
        Assert.Equal(14, log.Where(entry => entry.Result == "suppressed").Sum(entry => entry.SuppressedCount));
    }

    [Fact]
    public async Task RunAsync_AlertsOnce_WhenAStockFlapsOutInOutWithinAnHour()
    {
        var (product, offer) = await CreateOfferAsync();
        await AppendStockAsync(product.Id, offer.Id, 1, 0);
        await DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(15));
        await AppendStockAsync(product.Id, offer.Id, 0, 1);
        await DispatchAsync();

        Clock.Advance(TimeSpan.FromMinutes(15));
        await AppendStockAsync(product.Id, offer.Id, 1, 0);
        await DispatchAsync();

        var alert = Assert.Single(await ListAlertsAsync());
        Assert.Equal(($"stock-out:product:{product.Id}", "info", "stock-out"), (alert.DedupKey, alert.Level, alert.Kind));
        Assert.Equal(1, (await AlertLog.ListForKeyAsync(alert.DedupKey, CancellationToken.None)).Single(e => e.Result == "suppressed").SuppressedCount);
    }

    [Fact]
    public async Task RunAsync_AlertsAgain_WhenAStockGoesOutAfterTheStockOutCooldown()
    {
        var (product, offer) = await CreateOfferAsync();
        await AppendStockAsync(product.Id, offer.Id, 1, 0);
        await DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(30));
        await AppendStockAsync(product.Id, offer.Id, 0, 2);

        Clock.Advance(TimeSpan.FromMinutes(31));
        await AppendStockAsync(product.Id, offer.Id, 2, 0);
        await DispatchAsync();

        Assert.Equal(2, (await ListAlertsAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_WritesAStockOutToTheLogOnly_WithTheDefaultRouting()
    {
        var (product, offer) = await CreateOfferAsync();
        await AppendStockAsync(product.Id, offer.Id, 3, 0);

        await DispatchAsync();

        var alert = Assert.Single(await ListAlertsAsync());
        Assert.Equal(["log"], alert.Channels);
        Assert.Empty(EnqueuedSends);
        var entry = Assert.Single(await AlertLog.ListForKeyAsync(alert.DedupKey, CancellationToken.None));
        Assert.Equal(("log", "sent", alert.Id), (entry.Channel, entry.Result, entry.AlertId));
    }

    [Fact]
    public async Task RunAsync_IgnoresStockChangesThatAreNotStockOuts()
    {
        var (product, offer) = await CreateOfferAsync();
        await AppendStockAsync(product.Id, offer.Id, 3, 2);
        await AppendStockAsync(product.Id, offer.Id, 0, 1);

        await DispatchAsync();

        Assert.Empty(await ListAlertsAsync());
    }

    private Task<long> RecordProductErrorAsync(long productId, long offerId) =>
        Errors.RecordAsync(new NewError(ErrorTypes.Unverifiable, Severities.High, "3 回続けて確認できませんでした")
        {
            ProductId = productId,
            InventoryId = offerId,
            Platform = "yahoo",
        }, CancellationToken.None);

    private Task<long> AppendStockAsync(long productId, long offerId, int previous, int next) =>
        History.AppendAsync(new StockChange(offerId, productId, previous, next, null, null, null, null, ChangeSources.StockCheck, null), CancellationToken.None);
}
