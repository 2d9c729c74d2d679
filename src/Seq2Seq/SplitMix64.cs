namespace Seq2Seq;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified PRNG. The demo corpus and the batch
/// order use it instead of <see cref="System.Random"/>, so their output depends only on the seed and is
/// identical on every platform and .NET version.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, n) (multiply-high reduction; exact integer arithmetic).</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        return (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>True with probability <paramref name="percent"/>/100 (integer arithmetic only).</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
