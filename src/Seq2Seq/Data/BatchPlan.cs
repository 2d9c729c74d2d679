using Seq2Seq.Configuration;

namespace Seq2Seq.Data;

/// <summary>
/// Groups sentence pairs into batches of similar length, so padding stays small. A batch is
/// bounded by its padded token count (max length x sentences, on the longer side) or by its
/// number of sentences. The order is deterministic for a seed and epoch: pairs are shuffled, sorted
/// by length (stable, so the shuffle breaks ties), cut into batches, and the batches shuffled.
/// The last partial batch is kept.
/// </summary>
public static class BatchPlan
{
    public static IReadOnlyList<IReadOnlyList<TokenizedPair>> Make(
        IReadOnlyList<TokenizedPair> pairs, BatchType type, int size, int seed, int epoch, bool shuffle)
    {
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        var random = new SplitMix64((ulong)seed * 1_000_003UL + (ulong)epoch);
        if (shuffle) random.Shuffle(order);
        var sorted = order.OrderBy(i => pairs[i].Target.Length).ThenBy(i => pairs[i].Source.Length).ToArray();

        var batches = new List<IReadOnlyList<TokenizedPair>>();
        var current = new List<TokenizedPair>();
        int longest = 0;
        foreach (int i in sorted)
        {
            var pair = pairs[i];
            int length = Math.Max(pair.Source.Length, pair.Target.Length + 1);
            int newLongest = Math.Max(longest, length);
            bool full = type == BatchType.Sentences
                ? current.Count + 1 > size
                : (long)newLongest * (current.Count + 1) > size;
            if (full && current.Count > 0)
            {
                batches.Add(current);
                current = [];
                newLongest = length;
            }
            current.Add(pair);
            longest = newLongest;
        }
        if (current.Count > 0) batches.Add(current);
        if (shuffle)
        {
            var batchOrder = batches.ToArray();
            random.Shuffle(batchOrder);
            return batchOrder;
        }
        return batches;
    }
}
