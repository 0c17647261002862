using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Executions;
using Zaiko.Tests.Infrastructure;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

[Collection(HangfireCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DashboardPageTests(PostgresDatabase database)
{
    [Fact]
    public async Task Home_ListsARecentExecution_WithItsJstTimesAndCounters()
    {
        await using var app = await RunningApp.StartAsync(database.ConnectionString, ZaikoRole.Web);
        var executions = app.App.Services.GetRequiredService<ExecutionStore>();
        var start = await executions.TryStartAsync(ProcessTypes.Backup, "dashboard-test", "test", CancellationToken.None);
        await executions.RecordProgressAsync(start.ExecutionId, processed: 12, updated: 3, errors: 1, CancellationToken.None);
        await executions.FinishAsync(start.ExecutionId, ExecutionStatuses.Partial, null, CancellationToken.None);
        var execution = await executions.GetAsync(start.ExecutionId, CancellationToken.None);
        Assert.True(start.Started);

        using var client = await ConsoleAccounts.NewSignedInClientAsync(app, UserRoles.Staff);
        var page = await client.GetStringAsync("/");

        var startedJst = TimeZoneInfo.ConvertTime(execution!.StartedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Contains($"<time datetime=\"{execution.StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\">{startedJst:yyyy-MM-dd HH:mm:ss}</time>", page);
        Assert.Contains("<td class=\"status-partial\">一部失敗</td>", page);
        Assert.Contains("<td>12 / ", page);
    }

    [Fact]
    public async Task DatabaseHealthCheck_IsUnhealthy_NamingTheCause_WhenTheDatabaseIsUnreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(unreachable);

        var result = await new DatabaseHealthCheck(dataSource).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("database unreachable: ", result.Description);
    }
}
