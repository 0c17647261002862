using Dapper;
using Hangfire;
using Microsoft.Extensions.Time.Testing;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Executions;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Alerts;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

/// <summary>Alerts through the running application: real Hangfire queues, real retries, a real check run beside them.</summary>
[Collection(PipelineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AlertPipelineTests(PipelineFixture pipeline) : IAsyncLifetime
{
    public Task InitializeAsync() => pipeline.ResetAsync();

    public async Task DisposeAsync()
    {
        // The fixture keeps settings between tests; these alert settings must not outlive this one.
        await using var connection = await pipeline.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM settings WHERE key = @key; DELETE FROM settings_history WHERE key = @key", new { key = AlertSettings.Key });
    }

    [Fact]
    public async Task SmtpOutage_IsLoggedAndRetried_WhileTheCheckRunThatRaisedTheErrorCompletes()
    {
        var offer = (await pipeline.SeedOffersAsync(1))[0];
        await pipeline.RunCycleAsync();
        await pipeline.Services.GetRequiredService<SettingsStore>().SetAsync(AlertSettings.Key, AlertSettings.Default with
        {
            EmailRecipients = ["staff@example.jp"],
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = SmtpTestServer.ClosedPort(), Security = SmtpSecurity.None },
        }, "test", CancellationToken.None);
        await pipeline.Sandbox.PatchYahooItemAsync(offer.AuctionId, new { title = "まったく別の商品 ジャンク" });

        var run = await pipeline.RunCycleAsync();
        await DispatchSettledAsync();

        var key = $"product_changed:product:{offer.ProductId}";
        var failed = await pipeline.WaitAsync(async () =>
        {
            var log = await pipeline.Services.GetRequiredService<AlertLogStore>().ListForKeyAsync(key, CancellationToken.None);
            return log.FirstOrDefault(entry => entry.Channel == "email" && entry.Result == "failed");
        }, "a failed email attempt in alert_log", seconds: 30);
        Assert.Equal(1, failed.Attempt);
        var monitoring = pipeline.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var retryId = await pipeline.WaitAsync(() => Task.FromResult<string?>(monitoring.ScheduledJobs(0, 100)
            .FirstOrDefault(job => job.Value.Job?.Type == typeof(AlertSendJob)).Key), "the send job's retry", seconds: 30);
        var retry = monitoring.JobDetails(retryId);
        var retryCount = retry.Properties.TryGetValue("RetryCount", out var count) ? count : null;
        Assert.Equal((failed.AlertId, AlertChannels.Email, "1"), ((long?)retry.Job.Args[0], (string)retry.Job.Args[1], retryCount));
        Assert.Equal(("completed", 1), (run.Status, run.ProcessedCount));
        Assert.Equal(1, await pipeline.CountAsync(
            "SELECT count(*) FROM inventory_errors WHERE execution_id = @id AND error_type = 'product_changed'", new { id = run.ExecutionId }));
        var after = await pipeline.Services.GetRequiredService<ExecutionStore>().GetAsync(run.ExecutionId, CancellationToken.None);
        Assert.Equal((run.Status, run.EndedAt), (after!.Status, after.EndedAt));
    }

    /// <summary>
    /// One dispatcher pass, as the recurring job runs it, on a clock its settle time ahead: it leaves errors younger
    /// than that for its next pass, and everything recorded so far counts as settled without waiting for it.
    /// </summary>
    private async Task DispatchSettledAsync()
    {
        var settled = new FakeTimeProvider(TimeProvider.System.GetUtcNow() + AlertDispatchJob.SettleTime);
        using var scope = pipeline.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<AlertDispatchJob>(scope.ServiceProvider, settled).RunAsync(CancellationToken.None);
    }
}
