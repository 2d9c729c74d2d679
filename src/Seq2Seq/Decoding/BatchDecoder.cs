using Seq2Seq.Data;
using Seq2Seq.Model;
using Seq2Seq.Reporting;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Decodes many sentences given as source ids: sorts them by length, cuts them into batches of
/// about batch_tokens source tokens, searches each batch (greedy for beam size 1 without n-best,
/// else beam search) and returns the n-best lists in input order. An empty source gives an empty
/// translation without running the model.
/// </summary>
public static class BatchDecoder
{
    public static IReadOnlyList<IReadOnlyList<Hypothesis>> Decode(
        TranslationModel model, IReadOnlyList<int[]> sources, SearchOptions options, int batchTokens, ProgressBar? progress = null)
    {
        model.eval();
        var results = new IReadOnlyList<Hypothesis>[sources.Count];
        var order = Enumerable.Range(0, sources.Count).Where(i => sources[i].Length > 0)
            .OrderBy(i => sources[i].Length).ToArray();
        foreach (int i in Enumerable.Range(0, sources.Count).Where(i => sources[i].Length == 0))
        {
            results[i] = [new Hypothesis([], 0.0, options.KeepAttention ? [] : null)];
        }
        int done = sources.Count - order.Length;
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            int longest = 0;
            while (end < order.Length)
            {
                int length = sources[order[end]].Length;
                int newLongest = Math.Max(longest, length);
                if (end > start && (long)newLongest * (end - start + 1) * options.BeamSize > batchTokens) break;
                longest = newLongest;
                end++;
            }
            var slice = order[start..end];
            using (var scope = NewDisposeScope())
            {
                var pairs = slice.Select(i => new TokenizedPair(i, sources[i], [])).ToArray();
                using var batch = new Batch(pairs);
                if (options.BeamSize == 1 && options.NBest <= 1)
                {
                    var best = GreedySearch.Search(model, batch.Source, batch.SourceLengths, options);
                    for (int j = 0; j < slice.Length; j++) results[slice[j]] = [best[j]];
                }
                else
                {
                    var lists = BeamSearch.Search(model, batch.Source, batch.SourceLengths, options);
                    for (int j = 0; j < slice.Length; j++) results[slice[j]] = lists[j];
                }
            }
            done += slice.Length;
            progress?.Report(done);
            start = end;
        }
        progress?.Finish(done);
        return results;
    }
}
