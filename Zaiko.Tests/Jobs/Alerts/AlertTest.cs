using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Moq;
using Zaiko.Data;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.Settings;
using Zaiko.Jobs;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Runs;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Alerts;

/// <summary>
/// Base of alert tests: the production registrations of stores and jobs on the test database and the fake
/// clock; Hangfire's client records the send jobs instead of queueing them, and <see cref="SendEnqueuedAsync"/>
/// runs them as a worker would. Mail without an SMTP server goes to a temporary folder.
/// </summary>
public abstract class AlertTest(PostgresDatabase database) : DatabaseTest(database)
{
    private ServiceProvider? services;

    protected string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "zaiko-mail-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The (alert id, channel) of every send job enqueued and not yet run.</summary>
    protected List<(long AlertId, string Channel)> EnqueuedSends { get; } = [];

    protected IServiceProvider Services => services ??= Build();

    protected AlertStore Alerts => Services.GetRequiredService<AlertStore>();

    protected AlertLogStore AlertLog => Services.GetRequiredService<AlertLogStore>();

    /// <summary>Configuration beside the defaults of these tests (mail folder, no HTTP retries).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>();

    /// <summary>Hosts the generic webhook may reach.</summary>
    protected virtual IReadOnlyList<string> WebhookHosts => [];

    public override async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        await base.DisposeAsync();
    }

    protected Task SetAlertSettingsAsync(AlertSettings settings) =>
        Services.GetRequiredService<SettingsStore>().SetAsync(AlertSettings.Key, settings, "test", CancellationToken.None);

    /// <summary>One dispatcher pass, once what was recorded so far has settled.</summary>
    protected async Task DispatchAsync()
    {
        Clock.Advance(AlertDispatchJob.SettleTime);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AlertDispatchJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Runs every enqueued send job once, in order, as a worker would; a failing one is reported, not retried.</summary>
    protected async Task<IReadOnlyList<Exception>> SendEnqueuedAsync()
    {
        var failures = new List<Exception>();
        var sends = EnqueuedSends.ToArray();
        EnqueuedSends.Clear();
        foreach (var (alertId, channel) in sends)
        {
            using var scope = Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<AlertSendJob>().RunAsync(alertId, channel, CancellationToken.None);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }

        return failures;
    }

    /// <summary>Runs the send job of one alert on one channel, as Hangfire would; its exception is the job's failure.</summary>
    protected async Task SendAsync(long alertId, string channel)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AlertSendJob>().RunAsync(alertId, channel, CancellationToken.None);
    }

    /// <summary>The alert the enqueued send job of <paramref name="channel"/> is for.</summary>
    protected long EnqueuedFor(string channel) => EnqueuedSends.First(send => send.Channel == channel).AlertId;

    protected async Task<IReadOnlyList<StoredAlert>> ListAlertsAsync() =>
        (await Alerts.ListRecentAsync(1000, CancellationToken.None)).OrderBy(a => a.Id).ToArray();

    protected static AlertSettings SettingsWith(params (string Level, string[] Channels)[] routing) => AlertSettings.Default with
    {
        Routing = routing.ToDictionary(r => r.Level, r => r.Channels, StringComparer.Ordinal),
    };

    private ServiceProvider Build()
    {
        var values = new Dictionary<string, string?>
        {
            ["Alerts:MailDirectory"] = MailDirectory,
            ["Alerts:Resilience:MaxRetries"] = "0",
        };
        foreach (var (key, value) in ExtraConfiguration)
        {
            values[key] = value;
        }

        for (var i = 0; i < WebhookHosts.Count; i++)
        {
            values[$"Alerts:WebhookAllowedHosts:{i}"] = WebhookHosts[i];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddLogging();
        collection.AddSingleton(RecordingJobClient());
        collection.AddZaikoData(Database.ConnectionString);
        collection.AddZaikoJobs(configuration);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    private IBackgroundJobClient RecordingJobClient()
    {
        var client = new Mock<IBackgroundJobClient>();
        client.Setup(c => c.Create(It.IsAny<Job>(), It.IsAny<IState>()))
            .Callback<Job, IState>((job, state) =>
            {
                Assert.Equal(typeof(AlertSendJob), job.Type);
                Assert.Equal(JobQueues.Default, Assert.IsType<EnqueuedState>(state).Queue);
                EnqueuedSends.Add(((long)job.Args[0], (string)job.Args[1]));
            })
            .Returns(() => Guid.NewGuid().ToString("N"));
        return client.Object;
    }

    /// <summary>A running stock-check execution, for errors that belong to a run.</summary>
    protected async Task<Guid> StartRunAsync() =>
        (await Executions.TryStartAsync(ProcessTypes.StockCheck, "test", "test", CancellationToken.None)).ExecutionId;

    /// <summary>A run-level error as the run closer records it: critical, with the execution and no product.</summary>
    protected Task<long> RecordRunErrorAsync(Guid executionId, string type = ErrorTypes.LayoutChanged) =>
        Errors.RecordAsync(new NewError(type, Severities.Critical, "Yahoo! のページ 40/300 件 (13.3 %) が読み取れません")
        {
            ExecutionId = executionId,
            Platform = "yahoo",
        }, CancellationToken.None);
}
