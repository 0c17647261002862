namespace Zaiko.Data;

/// <summary>Values the schema's CHECK constraint allows for listing_platforms.sync_state, named once for C#.</summary>
public static class SyncStates
{
    /// <summary>The channel shows what the rules want; nothing to send.</summary>
    public const string Idle = "idle";

    /// <summary>Something differs and waits for a push (or for its backoff to pass).</summary>
    public const string Pending = "pending";

    /// <summary>A worker holds a lease and is pushing; an expired lease means it died and the sweep takes over.</summary>
    public const string Syncing = "syncing";

    /// <summary>A whole-listing hold: nothing is pushed until the hold lifts or a person releases it.</summary>
    public const string Held = "held";

    /// <summary>The channel refused the push or retries ran out: a person must look.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Idle, Pending, Syncing, Held, Failed,
    };
}
