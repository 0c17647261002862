using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using MimeKit;
using Zaiko.Data;
using Zaiko.Jobs.Alerts;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

public sealed partial class DailySummaryJobTests(PostgresDatabase database) : AlertTest(database)
{
    private const string ExpectedSubject = "[Zaiko] 日次サマリー 2026-11-28 (土) — KPI未達 1件";

    private SmtpTestServer smtp = null!;

    private AlertSettings Configured => AlertSettings.Default with
    {
        EmailRecipients = ["manager@example.jp"],
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        smtp = await SmtpTestServer.StartAsync();
        await SummaryDay.SeedAsync(Database.DataSource);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_MailsTheSummary_WithTheKeyFiguresInBothParts()
    {
        await SetAlertSettingsAsync(Configured);

        await RunJobAsync();

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["manager@example.jp"], mail.To);
        var message = mail.Parse();
        Assert.Equal(ExpectedSubject, message.Subject);
        Assert.Contains("成功率: 71.4 % (5/7)", message.TextBody);
        Assert.Contains("在庫変動: 4 件 (うち在庫切れ 3 件)", message.TextBody);
        Assert.Contains("価格変動: 4 件", message.TextBody);
        Assert.Contains("確認待ち: 2 商品 (3 出品)", message.TextBody);
        foreach (var figure in new[] { "71.4 % (5/7)", "4 件 (うち在庫切れ 3 件)", "99.50 %", "7.65 %", "タイムアウト (timeout)", "SKU-A", "商品B レンズ" })
        {
            Assert.Contains(figure, message.HtmlBody);
        }
    }

    [Fact]
    public async Task RunAsync_MarksEachKpiMetOrMissed_AgainstThePlansTargets()
    {
        await SetAlertSettingsAsync(Configured);

        await RunJobAsync();

        var text = Assert.Single(smtp.Messages).Parse().TextBody;
        Assert.Contains("稼働率: 99.50 % (目標 ≥ 99.5 %) 達成", text);
        Assert.Contains("同期精度: 99.60 % (目標 ≥ 99.0 %) 達成", text);
        Assert.Contains("平均応答時間: 1.80 秒 (目標 ≤ 3.0 秒) 達成", text);
        Assert.Contains("エラー率: 7.65 % (目標 ≤ 5.0 %) 未達", text);
    }

    [Fact]
    public async Task RunAsync_ListsTheTopFiveErrorTypes_InOrder()
    {
        await SetAlertSettingsAsync(Configured);

        await RunJobAsync();

        var text = Assert.Single(smtp.Messages).Parse().TextBody;
        var ranked = RankedError().Matches(text!).Select(m => (m.Groups["type"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)));
        Assert.Equal([("timeout", 6), ("blocked", 4), ("layout_changed", 4), ("price_spike", 2), ("api_error", 1)], ranked);
    }

    [Fact]
    public async Task RunAsync_ReportsFiguresThatMatchTheDatabase()
    {
        await SetAlertSettingsAsync(Configured);

        await RunJobAsync();

        var text = Assert.Single(smtp.Messages).Parse().TextBody;
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var window = new { from = SummaryDay.From.UtcDateTime, to = SummaryDay.To.UtcDateTime };
        var errors = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inventory_errors WHERE created_at >= @from AND created_at < @to", window);
        var stock = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM stock_history WHERE change_type IN ('stock_change', 'both') AND created_at >= @from AND created_at < @to", window);
        var outs = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM stock_history WHERE previous_stock > 0 AND new_stock = 0 AND created_at >= @from AND created_at < @to", window);
        var (failed, processed) = await connection.QuerySingleAsync<(long, long)>("""
            SELECT sum(error_count), sum(processed_count) FROM inventory_execution_logs
            WHERE process_type IN ('stock-check', 'price-check', 'full-validation') AND started_at >= @from AND started_at < @to
            """, window);
        Assert.Contains($"エラー: {errors} 件", text);
        Assert.Contains($"在庫変動: {stock} 件 (うち在庫切れ {outs} 件)", text);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"エラー率: {100.0 * failed / processed:0.00} %"), text);
    }

    [Fact]
    public async Task RunAsync_MailsOnce_WhenRunAgain()
    {
        await SetAlertSettingsAsync(Configured);
        await RunJobAsync();

        await RunJobAsync();

        Assert.Single(smtp.Messages);
        var entry = Assert.Single(await AlertLog.ListForKeyAsync("daily-summary:2026-11-28", CancellationToken.None));
        Assert.Equal(("email", "sent"), (entry.Channel, entry.Result));
    }

    [Fact]
    public async Task RunAsync_WritesTheSummaryToAnEmlFile_WhenNoSmtpServerIsSet()
    {
        await RunJobAsync();

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(MailDirectory, "*.eml")));
        Assert.Equal(ExpectedSubject, message.Subject);
    }

    [Fact]
    public async Task RunAsync_RecordsACompletedExecution_WithTheKpis()
    {
        await SetAlertSettingsAsync(Configured);

        await RunJobAsync();

        var execution = Assert.Single(await ExecutionQueries.ListRecentAsync(ProcessTypes.DailySummary, 5, CancellationToken.None));
        Assert.Equal(ExecutionStatuses.Completed, execution.Status);
        Assert.Contains("\"エラー率\"", execution.Details);
    }

    [Fact]
    public async Task RunAsync_FailsForARetry_LoggingTheAttempt_WhenTheSmtpServerIsDown()
    {
        await SetAlertSettingsAsync(Configured with { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = SmtpTestServer.ClosedPort(), Security = SmtpSecurity.None } });

        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(RunJobAsync);

        var entry = Assert.Single(await AlertLog.ListForKeyAsync("daily-summary:2026-11-28", CancellationToken.None));
        Assert.Equal(("email", "failed"), (entry.Channel, entry.Result));
        Assert.False(string.IsNullOrEmpty(entry.Error));
        var execution = Assert.Single(await ExecutionQueries.ListRecentAsync(ProcessTypes.DailySummary, 5, CancellationToken.None));
        Assert.Equal(ExecutionStatuses.Failed, execution.Status);
        Assert.Contains("\"failure\"", execution.Details);
    }

    [Fact]
    public async Task RunAsync_ClosesItsRunAsFailed_WhenItIsCancelledMidway()
    {
        await SetAlertSettingsAsync(Configured);
        using var cancellation = new CancellationTokenSource();
        using var scope = Services.CreateScope();
        await using (var tableLock = await TableLock.TakeAsync(Database.DataSource, "inventory_errors"))
        {
            var run = scope.ServiceProvider.GetRequiredService<DailySummaryJob>().RunAsync(cancellation.Token);
            await tableLock.WaitForWaiterAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.Empty(smtp.Messages);
        var execution = Assert.Single(await ExecutionQueries.ListRecentAsync(ProcessTypes.DailySummary, 5, CancellationToken.None));
        Assert.Equal(ExecutionStatuses.Failed, execution.Status);
        Assert.Contains("daily-summary was cancelled before it finished", execution.Details);
        Assert.Equal(Zaiko.Jobs.Runs.ExecutionRunner.WorkerId, execution.WorkerId);
    }

    [Fact]
    public async Task RunAsync_SaysWhyNothingWasSent_WhenSmtpIsSetButNobodyReceivesIt()
    {
        await SetAlertSettingsAsync(Configured with { EmailRecipients = [] });

        await RunJobAsync();

        Assert.Empty(smtp.Messages);
        var entry = Assert.Single(await AlertLog.ListForKeyAsync("daily-summary:2026-11-28", CancellationToken.None));
        Assert.Equal(("failed", "an SMTP server is set but there are no email recipients"), (entry.Result, entry.Error));
        Assert.Equal(ExecutionStatuses.Completed, Assert.Single(await ExecutionQueries.ListRecentAsync(ProcessTypes.DailySummary, 5, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("2026-11-28T14:00:00Z", "2026-11-28")]
    [InlineData("2026-11-28T20:59:59Z", "2026-11-28")]
    [InlineData("2026-11-28T21:00:00Z", "2026-11-29")]
    [InlineData("2026-11-28T03:00:00Z", "2026-11-28")]
    public void ReportDay_IsThePreviousDay_UntilSixInTheMorningJst(string now, string day)
    {
        var reported = DailySummaryJob.ReportDay(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), reported);
    }

    private async Task RunJobAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DailySummaryJob>().RunAsync(CancellationToken.None);
    }

    [GeneratedRegex(@"^\s+\d\. .+ \((?<type>[a-z_]+)\): (?<count>\d+) 件", RegexOptions.Multiline)]
    private static partial Regex RankedError();
}
