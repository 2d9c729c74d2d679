using Seq2Seq.Data;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Decodes many sentences given as source ids: sorts them by length, cuts them into batches of
/// about batch_tokens source tokens, searches each batch (greedy for beam size 1 without n-best,
/// else beam search; sampling when asked) and returns the n-best lists in input order. An empty source gives an empty
/// translation without running the model. With several models (an ensemble) each model gets the
/// sentences encoded by its own source pipeline, and the searches average their log-probabilities.
/// </summary>
public static class BatchDecoder
{
    public static IReadOnlyList<IReadOnlyList<Hypothesis>> Decode(
        TranslationModel model, IReadOnlyList<int[]> sources, SearchOptions options, int batchTokens, IProgress<long>? progress = null,
        CancellationToken cancel = default) =>
        Decode([model], [sources], options, batchTokens, progress, cancel);

    /// <param name="models">one model, or the members of an ensemble (sharing one target vocabulary)</param>
    /// <param name="sources">per model, the source ids of every sentence (same sentences, same order)</param>
    /// <param name="cancel">checked before each batch: a cancelled call throws <see cref="OperationCanceledException"/></param>
    public static IReadOnlyList<IReadOnlyList<Hypothesis>> Decode(
        IReadOnlyList<TranslationModel> models, IReadOnlyList<IReadOnlyList<int[]>> sources, SearchOptions options, int batchTokens,
        IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        if (models.Count == 0) throw new ArgumentException("no model to decode with", nameof(models));
        if (sources.Count != models.Count) throw new ArgumentException($"{sources.Count} source lists for {models.Count} models", nameof(sources));
        int count = sources[0].Count;
        if (sources.Any(s => s.Count != count)) throw new ArgumentException("every model needs the same number of sentences", nameof(sources));
        foreach (var model in models) model.eval();

        // A sentence's length is its longest encoding; a sentence any model sees as empty is empty.
        var length = Enumerable.Range(0, count).Select(i => sources.Max(s => s[i].Length)).ToArray();
        var empty = Enumerable.Range(0, count).Select(i => sources.Any(s => s[i].Length == 0)).ToArray();
        var results = new IReadOnlyList<Hypothesis>[count];
        var order = Enumerable.Range(0, count).Where(i => !empty[i]).OrderBy(i => length[i]).ToArray();
        foreach (int i in Enumerable.Range(0, count).Where(i => empty[i]))
        {
            results[i] = [new Hypothesis([], 0.0, options.KeepAttention ? [] : null)];
        }
        int done = count - order.Length;
        foreach (var slice in LengthBatches.Cut(order, length, batchTokens, options.BeamSize))
        {
            cancel.ThrowIfCancellationRequested();
            WithScorer(models, sources, slice, scorer =>
            {
                if (options.Sampling is not null)
                {
                    var drawn = GreedySearch.Search(scorer, options, slice);
                    for (int j = 0; j < slice.Length; j++) results[slice[j]] = [drawn[j]];
                }
                else if (options.BeamSize == 1 && options.NBest <= 1)
                {
                    var best = GreedySearch.Search(scorer, options);
                    for (int j = 0; j < slice.Length; j++) results[slice[j]] = [best[j]];
                }
                else
                {
                    var lists = BeamSearch.Search(scorer, options);
                    for (int j = 0; j < slice.Length; j++) results[slice[j]] = lists[j];
                }
            });
            done += slice.Length;
            progress?.Report(done);
        }
        return results;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a scorer over the sentences of <paramref name="slice"/> (each
    /// model gets its own encoding of them, in slice order), then frees the batches and every tensor made on the way.
    /// </summary>
    internal static void WithScorer(IReadOnlyList<TranslationModel> models, IReadOnlyList<IReadOnlyList<int[]>> sources, int[] slice, Action<IStepScorer> work)
    {
        using var scope = NewDisposeScope();
        var batches = sources.Select(s => new Batch(slice.Select(i => new TokenizedPair(i, s[i], [])).ToArray())).ToArray();
        try
        {
            using var scorer = CreateScorer(models, batches);
            work(scorer);
        }
        finally
        {
            foreach (var b in batches) b.Dispose();
        }
    }

    /// <summary>One model's scorer as it is (no averaging work per step), or the ensemble of all.</summary>
    private static IStepScorer CreateScorer(IReadOnlyList<TranslationModel> models, IReadOnlyList<Batch> batches)
    {
        if (models.Count == 1) return new ModelScorer(models[0], batches[0].Source, batches[0].SourceLengths);
        var members = new List<IStepScorer>();
        try
        {
            for (int m = 0; m < models.Count; m++) members.Add(new ModelScorer(models[m], batches[m].Source, batches[m].SourceLengths));
            return new EnsembleScorer(members);
        }
        catch
        {
            foreach (var member in members) member.Dispose();
            throw;
        }
    }
}
