using System.Text.Json;
using Zaiko.Data;

namespace Zaiko.Jobs.Runs;

/// <summary>How a job's run ends: finished with a status and details, or going on in the jobs it enqueued.</summary>
public sealed record RunOutcome(string? Status, string? DetailsJson)
{
    /// <summary>
    /// The run goes on in the jobs it enqueued (a check run's checks): the last of them closes it, and the stale-run
    /// sweep closes it if they never do.
    /// </summary>
    public static readonly RunOutcome ContinuesInItsJobs = new(null, null);

    public static RunOutcome Completed(object details) => Finished(ExecutionStatuses.Completed, details);

    /// <param name="details">Serialised as JSON into the run's details (camelCase names).</param>
    public static RunOutcome Finished(string status, object details) => new(status, JsonSerializer.Serialize(details, JsonSerializerOptions.Web));
}
