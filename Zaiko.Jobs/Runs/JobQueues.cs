namespace Zaiko.Jobs.Runs;

/// <summary>
/// Hangfire queues, in order of urgency: a stock-out push outranks routine checks, and maintenance never delays
/// either. Hangfire.PostgreSql serves a server's queues in alphabetical order whatever order they are listed in,
/// so the urgent queues have a worker pool of their own (see HangfireExtensions).
/// </summary>
public static class JobQueues
{
    public const string Critical = "critical";
    public const string Sync = "sync";
    public const string Checks = "checks";
    public const string Default = "default";
    public const string Maintenance = "maintenance";

    public static readonly string[] ServedInOrder = [Critical, Sync, Checks, Default, Maintenance];

    /// <summary>What the urgent worker pool serves, so pushes never wait behind a check run.</summary>
    public static readonly string[] Urgent = [Critical, Sync];
}
