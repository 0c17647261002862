namespace Zaiko.Sandbox.Control;

/// <summary>One seeded <see cref="Random"/> shared by every random choice, so a run is reproducible from its seed.</summary>
public sealed class SeededRandom(int seed)
{
    private readonly Lock gate = new();
    private Random random = new(seed);

    public void Reseed(int newSeed)
    {
        lock (gate)
        {
            random = new Random(newSeed);
        }
    }

    public int Next(int maxExclusive)
    {
        lock (gate)
        {
            return random.Next(maxExclusive);
        }
    }

    public int Next(int minInclusive, int maxExclusive)
    {
        lock (gate)
        {
            return random.Next(minInclusive, maxExclusive);
        }
    }

    public double NextDouble()
    {
        lock (gate)
        {
            return random.NextDouble();
        }
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public string Chars(string alphabet, int length)
    {
        lock (gate)
        {
            return string.Create(length, (alphabet, random), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
                }
            });
        }
    }
}
