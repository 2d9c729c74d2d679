namespace Seq2Seq.Evaluation.Significance;

/// <summary>
/// A small, seeded pseudo-random generator (xoshiro256**, state expanded from the seed with SplitMix64) whose
/// sequence is fixed by this code alone — unlike <see cref="Random"/>, whose seeded sequence is an implementation
/// detail of the runtime. Used for bootstrap resampling so that confidence intervals and p-values are reproducible
/// across machines and .NET versions.
/// </summary>
/// <remarks>
/// sacreBLEU draws its indices with numpy's PCG64 (<c>default_rng(12345).choice</c>); this generator does not
/// reproduce numpy's stream, so resampled intervals agree with sacreBLEU statistically, not bit for bit.
/// </remarks>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a 64-bit seed (any value, including 0).</summary>
    public DeterministicRandom(ulong seed)
    {
        var expand = new SplitMix64(seed);
        _s0 = expand.NextUInt64();
        _s1 = expand.NextUInt64();
        _s2 = expand.NextUInt64();
        _s3 = expand.NextUInt64();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniformly distributed integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's
    /// multiply-and-reject method).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }
        return (int)(product >> 64);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
