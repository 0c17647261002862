using Microsoft.Extensions.Configuration;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Jobs;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Outbound;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

public sealed class AlertRegistrationTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AddZaikoJobs_LetsTheGenericWebhookReachOnlyTheHostsAllowedInConfiguration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Zaiko"] = Database.ConnectionString,
            ["Alerts:WebhookAllowedHosts:0"] = "hooks.example.jp",
        });
        builder.AddZaikoData();
        builder.AddZaikoJobs();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<JsonWebhookClient>();

        var ex = await Assert.ThrowsAsync<OutboundRequestRejectedException>(() =>
            client.PostAsync("https://intranet.example.jp/hook", Alert(), CancellationToken.None));

        Assert.Contains("allowed: hooks.example.jp", ex.Message);
    }

    private static StoredAlert Alert() => new(1, "health_check:system", "error", "health_check", "database failed", null, null, null, null, null,
        "system", null, "worker-1", StartTime, 0, 0, "webhook", StartTime, StartTime);
}
