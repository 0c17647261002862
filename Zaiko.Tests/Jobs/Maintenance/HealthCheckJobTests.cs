using System.Text.Json;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Health;
using Zaiko.Jobs.Maintenance;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Jobs.Maintenance;

/// <summary>The five-minute health check against real Hangfire servers (or none), each test on a database of its own.</summary>
[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HealthCheckJobTests(PostgresDatabase database)
{
    [Fact]
    public async Task HealthCheck_RecordsEveryComponent_AndRaisesNoError_WhenAllIsWell()
    {
        await using var app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.All);
        await WaitForServersAsync(app);

        await RunAsync(app);

        var latest = (await app.App.Services.GetRequiredService<HealthCheckStore>().ListLatestAsync(CancellationToken.None)).ToDictionary(r => r.Component);
        Assert.Equal(HealthCheckResult.Ok, latest["hangfire"].Status);
        Assert.NotEqual(HealthCheckResult.Failed, latest["database"].Status);
        Assert.NotNull(latest["database"].LatencyMs);
        Assert.True(latest.ContainsKey("disk") && latest.ContainsKey("memory"));
        using var hangfire = JsonDocument.Parse(latest["hangfire"].Details);
        Assert.True(hangfire.RootElement.GetProperty("serversAlive").GetInt32() >= 1);
        Assert.True(hangfire.RootElement.GetProperty("queues").ValueKind == JsonValueKind.Object);
        Assert.DoesNotContain(await ErrorsAsync(app), e => e.ErrorType == ErrorTypes.HealthCheck);
    }

    [Fact]
    public async Task HealthCheck_RaisesAHighError_WhenNoHangfireServerIsAlive()
    {
        await using var app = await RunningApp.StartAsync(await database.CreateEmptyDatabaseAsync(), ZaikoRole.Web);

        await RunAsync(app);

        var latest = (await app.App.Services.GetRequiredService<HealthCheckStore>().ListLatestAsync(CancellationToken.None)).ToDictionary(r => r.Component);
        Assert.Equal(HealthCheckResult.Failed, latest["hangfire"].Status);
        var error = Assert.Single(await ErrorsAsync(app), e => e.ErrorType == ErrorTypes.HealthCheck);
        Assert.Equal((Severities.High, "system"), (error.Severity, error.Platform));
        Assert.StartsWith("health check: hangfire failed: {\"serversAlive\":0", error.Message);
    }

    /// <summary>Hangfire servers announce themselves shortly after start-up.</summary>
    private static Task WaitForServersAsync(RunningApp app)
    {
        var monitoring = app.App.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        return Poll.UntilAsync(() => Task.FromResult(monitoring.Servers().Count > 0), "a Hangfire server to announce itself");
    }

    private static async Task RunAsync(RunningApp app)
    {
        using var scope = app.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HealthCheckJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyList<InventoryError>> ErrorsAsync(RunningApp app) =>
        await app.App.Services.GetRequiredService<ErrorQueries>().ListUnresolvedAsync(Severities.Low, 100, CancellationToken.None);
}
