namespace Zaiko.Jobs.Sync;

/// <summary>What one push round did: accepted, backing off for a retry, failed for good.</summary>
public sealed class PushSummary
{
    public int Pushed { get; set; }

    public int Retrying { get; set; }

    public int Failed { get; set; }
}
