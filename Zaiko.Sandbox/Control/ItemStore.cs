using System.Collections.Concurrent;

namespace Zaiko.Sandbox.Control;

/// <summary>
/// One marketplace's items by key, plus their insertion order (stable catalog paging and cheap random picks for drift
/// without copying 100,000 keys). Reads are lock-free; only inserts and clears take the order lock.
/// </summary>
public sealed class ItemStore<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, T> items = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Lock orderGate = new();

    public int Count => items.Count;

    public T? Get(string key) => items.TryGetValue(key, out var item) ? item : null;

    public bool ContainsKey(string key) => items.ContainsKey(key);

    /// <summary>Adds or replaces; returns true when the key is new.</summary>
    public bool Put(string key, T item)
    {
        if (items.TryAdd(key, item))
        {
            lock (orderGate)
            {
                order.Add(key);
            }

            return true;
        }

        items[key] = item;
        return false;
    }

    /// <summary>Applies a change atomically with respect to other updates of the same key; null when the key is unknown.</summary>
    public T? Update(string key, Func<T, T> change)
    {
        while (items.TryGetValue(key, out var current))
        {
            var next = change(current);
            if (items.TryUpdate(key, next, current))
            {
                return next;
            }
        }

        return null;
    }

    public IReadOnlyList<T> Page(int offset, int limit)
    {
        var result = new List<T>(Math.Max(0, Math.Min(limit, 1000)));
        lock (orderGate)
        {
            for (var i = Math.Max(0, offset); i < order.Count && result.Count < limit; i++)
            {
                if (items.TryGetValue(order[i], out var item))
                {
                    result.Add(item);
                }
            }
        }

        return result;
    }

    public IReadOnlyList<T> Where(Func<T, bool> predicate) => items.Values.Where(predicate).ToList();

    public string? RandomKey(SeededRandom random)
    {
        lock (orderGate)
        {
            return order.Count == 0 ? null : order[random.Next(order.Count)];
        }
    }

    public void Clear()
    {
        lock (orderGate)
        {
            items.Clear();
            order.Clear();
        }
    }
}
