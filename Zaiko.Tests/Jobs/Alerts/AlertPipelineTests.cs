using Dapper;
using Hangfire;
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
        // The dispatcher leaves errors younger than its settle time for its next pass; this pass should see it.
        await Task.Delay(AlertDispatchJob.SettleTime + TimeSpan.FromSeconds(1));
        pipeline.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<AlertDispatchJob>(job => job.RunAsync(CancellationToken.None));

        var key = $"product_changed:product:{offer.ProductId}";
        var failed = await pipeline.WaitAsync(async () =>
        {
            var log = await pipeline.Services.GetRequiredService<AlertLogStore>().ListForKeyAsync(key, CancellationToken.None);
            return log.FirstOrDefault(entry => entry.Channel == "email" && entry.Result == "failed");
        }, "a failed email attempt in alert_log", seconds: 30);
        Assert.Equal(1, failed.Attempt);
        var retry = await pipeline.WaitAsync(() => Task.FromResult(pipeline.Services.GetRequiredService<JobStorage>().GetMonitoringApi()
            .ScheduledJobs(0, 100).Select(job => job.Value).FirstOrDefault(job => job.Job?.Type == typeof(AlertSendJob))), "the send job's retry", seconds: 30);
        Assert.NotNull(retry);
        Assert.Equal(("completed", 1), (run.Status, run.ProcessedCount));
        Assert.Equal(1, await pipeline.CountAsync(
            "SELECT count(*) FROM inventory_errors WHERE execution_id = @id AND error_type = 'product_changed'", new { id = run.ExecutionId }));
        var after = await pipeline.Services.GetRequiredService<ExecutionStore>().GetAsync(run.ExecutionId, CancellationToken.None);
        Assert.Equal((run.Status, run.EndedAt), (after!.Status, after.EndedAt));
    }
}
