using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Zaiko.Data;
using Zaiko.Data.Settings;
using Zaiko.Jobs.Alerts;
using Zaiko.Jobs.Scheduling;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Jobs.Scheduling;

public sealed class RecurringJobRegistrarTests(PostgresDatabase database) : DatabaseTest(database)
{
    [Theory]
    [InlineData("daily-summary", typeof(DailySummaryJob), "0 23 * * *")]
    [InlineData("alert-dispatch", typeof(AlertDispatchJob), "* * * * *")]
    public async Task RegisterAsync_RegistersTheAlertJobs_OnQueueDefaultWithTheirTokyoCron(string id, Type jobType, string cron)
    {
        var registered = new Dictionary<string, (Job Job, string Cron, RecurringJobOptions Options)>();
        var manager = new Mock<IRecurringJobManager>();
        manager.Setup(m => m.AddOrUpdate(It.IsAny<string>(), It.IsAny<Job>(), It.IsAny<string>(), It.IsAny<RecurringJobOptions>()))
            .Callback<string, Job, string, RecurringJobOptions>((jobId, job, expression, options) => registered[jobId] = (job, expression, options));
        var registrar = new RecurringJobRegistrar(manager.Object, new SettingsStore(Database.DataSource, Clock), NullLogger<RecurringJobRegistrar>.Instance);

        await registrar.RegisterAsync(CancellationToken.None);

        var (job, expression, options) = registered[id];
        Assert.Equal((jobType, "default", cron), (job.Type, job.Queue, expression));
        Assert.Equal(JstTime.Tokyo, options.TimeZone);
    }
}
