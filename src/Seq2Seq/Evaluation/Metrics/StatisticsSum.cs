namespace Seq2Seq.Evaluation.Metrics;

/// <summary>Element-wise sums of per-segment sufficient statistics (exact integer sums, unlike sacreBLEU's
/// float32 numpy sums in bootstrap, which are exact anyway below 2^24).</summary>
public static class StatisticsSum
{
    /// <summary>Sums all segments.</summary>
    public static long[] Of(IReadOnlyList<int[]> stats, int length)
    {
        var sum = new long[length];
        foreach (var s in stats)
        {
            Add(sum, s);
        }
        return sum;
    }

    /// <summary>Adds one segment's statistics to <paramref name="sum"/>.</summary>
    public static void Add(long[] sum, int[] segment)
    {
        if (segment.Length != sum.Length)
        {
            throw new ArgumentException($"Expected {sum.Length} statistics, got {segment.Length}.", nameof(segment));
        }
        for (int k = 0; k < sum.Length; k++)
        {
            sum[k] += segment[k];
        }
    }
}
