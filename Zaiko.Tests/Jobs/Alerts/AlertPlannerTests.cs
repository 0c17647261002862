using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Jobs.Alerts;

namespace Zaiko.Tests.Jobs.Alerts;

public sealed class AlertPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly AlertSettings Slack = AlertSettings.Default with { SlackWebhookUrl = "https://hooks.slack.com/services/T/B/X" };

    [Theory]
    [InlineData("critical", "critical")]
    [InlineData("high", "error")]
    [InlineData("medium", "warning")]
    [InlineData("low", "info")]
    public void Plan_MapsTheErrorSeverityToTheAlertLevel(string severity, string level)
    {
        var plan = AlertPlanner.Plan([Error(severity, productId: 1)], Empty, Slack);

        Assert.Equal(level, Assert.Single(plan.Alerts).Level);
    }

    [Theory]
    [InlineData("critical", new[] { "email", "slack" })]
    [InlineData("high", new[] { "email", "slack" })]
    [InlineData("medium", new[] { "slack" })]
    [InlineData("low", new[] { "log" })]
    public void Plan_RoutesByLevel_WithTheDefaultRouting(string severity, string[] channels)
    {
        var plan = AlertPlanner.Plan([Error(severity, productId: 1)], Empty, Slack);

        Assert.Equal(channels, Assert.Single(plan.Alerts).Channels);
    }

    [Fact]
    public void Plan_SendsToTheGenericWebhookToo_WhenItsUrlIsSet()
    {
        var settings = Slack with { WebhookUrl = "https://hooks.example.com/zaiko" };

        var plan = AlertPlanner.Plan([Error("medium", productId: 1)], Empty, settings);

        Assert.Equal(["slack", "webhook"], Assert.Single(plan.Alerts).Channels);
    }

    [Fact]
    public void Plan_WritesToTheLog_WhenNoRoutedChannelCanDeliver()
    {
        var plan = AlertPlanner.Plan([Error("medium", productId: 1)], Empty, AlertSettings.Default);

        Assert.Equal(["log"], Assert.Single(plan.Alerts).Channels);
    }

    [Fact]
    public void Plan_IgnoresALevel_RoutedToNoChannel()
    {
        var settings = Slack with { Routing = new() { ["warning"] = [] } };

        var plan = AlertPlanner.Plan([Error("medium", productId: 1)], Empty, settings);

        Assert.Empty(plan.Alerts);
        Assert.Empty(plan.Suppressions);
    }

    [Fact]
    public void Plan_FoldsRepeatsOfOneKey_IntoOneAlertAboutTheNewest()
    {
        AlertEvent[] events = [Error("high", productId: 7, message: "一回目"), Error("high", productId: 7, message: "二回目", minutes: 1), Error("high", productId: 7, message: "三回目", minutes: 2)];

        var plan = AlertPlanner.Plan(events, Empty, Slack);

        var alert = Assert.Single(plan.Alerts);
        Assert.Equal(("三回目", 2), (alert.Message, alert.RepeatsReported));
    }

    [Fact]
    public void Plan_CountsRepeats_InsideTheCooldownOfTheLatestAlert()
    {
        var latest = Latest("price_spike:product:7", id: 41, createdMinutesAgo: 10);

        var plan = AlertPlanner.Plan([Error("medium", productId: 7), Error("medium", productId: 7, minutes: 1)], latest, Slack);

        Assert.Empty(plan.Alerts);
        var suppression = Assert.Single(plan.Suppressions);
        Assert.Equal((41L, 2, "price_spike:product:7"), (suppression.AlertId, suppression.Count, suppression.DedupKey));
    }

    [Fact]
    public void Plan_ReportsTheSuppressedRepeats_InTheFirstAlertAfterTheCooldown()
    {
        var latest = Latest("price_spike:product:7", id: 41, createdMinutesAgo: 31, repeatsSuppressed: 14);

        var plan = AlertPlanner.Plan([Error("medium", productId: 7)], latest, Slack);

        Assert.Equal(14, Assert.Single(plan.Alerts).RepeatsReported);
    }

    [Fact]
    public void Plan_RaisesOneAlertPerRun_HoweverLongAgo()
    {
        var run = Guid.CreateVersion7();
        var latest = Latest($"layout_changed:run:{run}", id: 3, createdMinutesAgo: 24 * 60);

        var plan = AlertPlanner.Plan([Error("critical", executionId: run)], latest, Slack);

        Assert.Empty(plan.Alerts);
        Assert.Single(plan.Suppressions);
    }

    [Fact]
    public void Plan_KeysProductErrorsByProduct_AndRunErrorsByRun()
    {
        var run = Guid.CreateVersion7();

        var plan = AlertPlanner.Plan([Error("high", productId: 5, executionId: run), Error("critical", executionId: run)], Empty, Slack);

        Assert.Equal(["layout_changed:product:5", $"layout_changed:run:{run}"], plan.Alerts.Select(a => a.DedupKey).Order());
    }

    [Fact]
    public void Plan_SendsTheFirstFewAndOneDigest_WhenOneKindHitsManyProductsInAPass()
    {
        var events = Enumerable.Range(1, 12).Select(product => Error("medium", productId: product)).ToArray();

        var plan = AlertPlanner.Plan(events, Empty, Slack);

        Assert.Equal(13, plan.Alerts.Count);
        Assert.Equal(4, plan.Alerts.Count(a => a.Channels.SequenceEqual(["slack"]) && !a.DedupKey.Contains(":digest:")));
        Assert.Equal(8, plan.Alerts.Count(a => a.Channels.SequenceEqual(["log"])));
        var digest = Assert.Single(plan.Alerts, a => a.DedupKey.Contains(":digest:"));
        Assert.Equal(["slack"], digest.Channels);
        Assert.StartsWith("ほか 8 件でも同じ事象が起きています", digest.Message);
    }

    [Fact]
    public void Plan_SendsNoDigest_ForLogOnlyAlerts()
    {
        var events = Enumerable.Range(1, 12).Select(product => Error("low", productId: product)).ToArray();

        var plan = AlertPlanner.Plan(events, Empty, Slack);

        Assert.Equal(12, plan.Alerts.Count);
        Assert.All(plan.Alerts, alert => Assert.Equal(["log"], alert.Channels));
    }

    private static IReadOnlyDictionary<string, LatestAlert> Empty => new Dictionary<string, LatestAlert>();

    private static Dictionary<string, LatestAlert> Latest(string key, long id, int createdMinutesAgo, int repeatsSuppressed = 0) =>
        new() { [key] = new LatestAlert(key, id, Now.AddMinutes(-createdMinutesAgo), repeatsSuppressed) };

    private static AlertEvent Error(string severity, long? productId = null, Guid? executionId = null, string message = "読み取れません", int minutes = 0)
    {
        var type = severity == "medium" ? ErrorTypes.PriceSpike : ErrorTypes.LayoutChanged;
        return AlertEvents.FromError(new ErrorEvent(1, executionId, productId, null, null, type, severity, message, "yahoo",
            productId is null ? null : "テスト商品", productId is null ? null : "SKU-1", null, Now.AddMinutes(minutes)));
    }
}
