namespace Seq2Seq.Decoding;

/// <summary>Cuts sentences sorted by length into consecutive batches that fit a token budget.</summary>
internal static class LengthBatches
{
    /// <summary>
    /// Consecutive slices of <paramref name="order"/> (sentence indices, shortest first) in which the
    /// longest length x the number of sentences x <paramref name="width"/> (rows per sentence, such as
    /// the beam) stays within <paramref name="budget"/>; a slice always holds at least one sentence.
    /// </summary>
    public static IEnumerable<int[]> Cut(int[] order, IReadOnlyList<int> length, long budget, int width = 1)
    {
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            int longest = 0;
            while (end < order.Length)
            {
                int newLongest = Math.Max(longest, length[order[end]]);
                if (end > start && (long)newLongest * (end - start + 1) * width > budget) break;
                longest = newLongest;
                end++;
            }
            yield return order[start..end];
            start = end;
        }
    }
}
