using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;

namespace Zaiko.Web.Hosting;

/// <summary>
/// Hangfire.PostgreSql with its counter aggregator replaced by <see cref="HangfireCounterAggregator"/>.
/// </summary>
/// <remarks>
/// The library's aggregator (1.21) adds every counter row to the totals and then, in a second statement, deletes
/// the rows of every key it has a total for. It takes no lock and runs once per Hangfire server, and each Zaiko
/// process hosts two: two passes at once both add the same rows, so the dashboard's "Succeeded" total read
/// 176,191 for 114,710 succeeded jobs; and a counter written between its two statements is deleted without being
/// added. Everything else the library runs (expiration, heartbeats) is kept as it is.
/// </remarks>
public sealed class ZaikoJobStorage(NpgsqlConnectionFactory connectionFactory, PostgreSqlStorageOptions options,
    HangfireCounterAggregator counterAggregator) : PostgreSqlStorage(connectionFactory, options)
{
    /// <summary>The library's internal type this storage leaves out; a test fails when an upgrade renames it.</summary>
    public const string ReplacedComponentName = "CountersAggregator";

#pragma warning disable CS0618, CS0672 // The library starts its storage processes through IServerComponent, so this override must name it.
    public override IEnumerable<IServerComponent> GetComponents()
    {
        foreach (var component in base.GetComponents())
        {
            if (component.GetType().Name != ReplacedComponentName)
            {
                yield return component;
            }
        }

        yield return counterAggregator;
    }
#pragma warning restore CS0618, CS0672
}
