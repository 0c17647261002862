using System.Net;
using Hangfire;
using Hangfire.Storage;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RoleTests(PostgresDatabase database)
{
    [Fact]
    public async Task AllRole_ServesTheAdminTheDashboardAndHealth_AndRunsJobs()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.All);
        using var admin = await ConsoleAccounts.NewSignedInClientAsync(app);

        var home = await admin.GetStringAsync("/");
        var dashboard = await admin.GetAsync("/hangfire");
        var health = await admin.GetAsync("/health");

        Assert.Contains("ダッシュボード", home);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(RunsHangfireServer(app));
    }

    [Fact]
    public async Task WebRole_ServesTheAdmin_ButRunsNoJobs()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        using var admin = await ConsoleAccounts.NewSignedInClientAsync(app);

        var home = await admin.GetAsync("/");
        var dashboard = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.False(RunsHangfireServer(app));
    }

    [Fact]
    public async Task WorkerRole_AnswersHealthOnly()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Worker);

        var health = await app.Client.GetAsync("/health");
        var home = await app.Client.GetAsync("/");
        var dashboard = await app.Client.GetAsync("/hangfire");

        // Nobody signs in to a worker, so it tells every caller the verdict only, never what a check's exception said.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.True(RunsHangfireServer(app));
    }

    [Fact]
    public async Task Dashboard_DoesNotShowTheStorageConnectionString()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        using var admin = await ConsoleAccounts.NewSignedInClientAsync(app);

        var page = await admin.GetStringAsync("/hangfire");

        Assert.DoesNotContain("127.0.0.1", page);
        Assert.DoesNotContain("Password", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_RegistersEveryRecurringJob_WithItsTokyoSchedule()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);

        using var connection = app.App.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(job => job.Id);

        Assert.Equal("0 8,14,20 * * *", jobs["stock-check"].Cron);
        Assert.Equal("0 9,15,21 * * *", jobs["price-check"].Cron);
        Assert.Equal("0 2 * * *", jobs["full-validation"].Cron);
        Assert.Equal("*/5 * * * *", jobs["health-check"].Cron);
        Assert.Equal("0 3 * * *", jobs["cleanup"].Cron);
        Assert.True(jobs.ContainsKey("partition-maintenance"));
        Assert.True(jobs.ContainsKey("sync-sweep"));
        Assert.True(jobs.ContainsKey("reconcile"));
        Assert.All(jobs.Values, job => Assert.Equal("Asia/Tokyo", job.TimeZoneId));
    }

    private static bool RunsHangfireServer(RunningApp app) =>
        app.App.Services.GetServices<IHostedService>().Any(service => service.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
}
