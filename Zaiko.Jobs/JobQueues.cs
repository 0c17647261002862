namespace Zaiko.Jobs;

/// <summary>
/// Hangfire queues, in the order a worker serves them: a stock-out push outranks routine checks, and
/// maintenance never delays either. Hangfire would otherwise serve queues alphabetically.
/// </summary>
public static class JobQueues
{
    public const string Critical = "critical";
    public const string Sync = "sync";
    public const string Checks = "checks";
    public const string Default = "default";
    public const string Maintenance = "maintenance";

    public static readonly string[] ServedInOrder = [Critical, Sync, Checks, Default, Maintenance];
}
