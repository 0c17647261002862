namespace Zaiko.Sandbox.Control;

/// <summary>
/// Every marketplace request, newest last, in a fixed-size ring so a soak test cannot exhaust memory.
/// A single lock is enough: an append is a few stores, far below the cost of the request it records.
/// </summary>
public sealed class RequestJournal(SandboxOptions options)
{
    private readonly Lock gate = new();
    private readonly JournalEntry?[] ring = new JournalEntry?[options.JournalCapacity];
    private long nextSeq = 1;
    private int start;
    private int count;

    public long Append(Func<long, JournalEntry> create)
    {
        lock (gate)
        {
            var seq = nextSeq++;
            var entry = create(seq);
            var index = (start + count) % ring.Length;
            ring[index] = entry;
            if (count < ring.Length)
            {
                count++;
            }
            else
            {
                start = (start + 1) % ring.Length;
            }

            return seq;
        }
    }

    /// <summary>Entries of a target (or all), newer than a sequence number or not older than a time.</summary>
    public IReadOnlyList<JournalEntry> Query(string? target, long? afterSeq, DateTimeOffset? since, int limit)
    {
        var result = new List<JournalEntry>();
        lock (gate)
        {
            for (var i = 0; i < count && result.Count < limit; i++)
            {
                var entry = ring[(start + i) % ring.Length]!;
                if ((target is null || entry.Target == target) && (afterSeq is null || entry.Seq > afterSeq)
                    && (since is null || entry.Time >= since))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    public void Clear()
    {
        lock (gate)
        {
            Array.Clear(ring);
            start = 0;
            count = 0;
        }
    }
}
