using Seq2Seq.Data;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Forced decoding: the log-probability the model (or the ensemble) gives each token of a given
/// translation, eos included, feeding the given tokens instead of its own choices. It runs through
/// the same <see cref="IStepScorer"/> as search, so a translation found by greedy search scores
/// exactly its search score. Sentences are sorted by length and scored in batches of about
/// batch_tokens; a sentence's scores do not depend on the batch it shares (but for
/// the last float digits: another batch shape may sum a product in another order).
/// </summary>
internal static class ForcedScoring
{
    /// <param name="sources">per model, the source ids of every sentence</param>
    /// <param name="targets">the target ids of every sentence, without bos and eos</param>
    /// <returns>per sentence, one log-probability per target token and one for eos</returns>
    public static float[][] Score(IReadOnlyList<TranslationModel> models, IReadOnlyList<IReadOnlyList<int[]>> sources,
        IReadOnlyList<int[]> targets, int batchTokens, IProgress<long>? progress, CancellationToken cancel)
    {
        int count = targets.Count;
        foreach (var model in models) model.eval();
        var length = Enumerable.Range(0, count).Select(i => Math.Max(sources.Max(s => s[i].Length), targets[i].Length + 1)).ToArray();
        var order = Enumerable.Range(0, count).OrderBy(i => length[i]).ToArray();
        var scores = new float[count][];
        int done = 0;
        using var noGrad = no_grad();
        foreach (var slice in LengthBatches.Cut(order, length, batchTokens))
        {
            cancel.ThrowIfCancellationRequested();
            BatchDecoder.WithScorer(models, sources, slice, scorer =>
            {
                var sliceScores = ScoreBatch(scorer, slice.Select(i => targets[i]).ToArray());
                for (int j = 0; j < slice.Length; j++) scores[slice[j]] = sliceScores[j];
            });
            done += slice.Length;
            progress?.Report(done);
        }
        return scores;
    }

    /// <summary>Steps the scorer along the given targets (teacher forcing), reading each row's log-probability of its next given token.</summary>
    private static float[][] ScoreBatch(IStepScorer scorer, int[][] targets)
    {
        int rows = targets.Length;
        int steps = targets.Max(t => t.Length) + 1;
        var scores = targets.Select(t => new float[t.Length + 1]).ToArray();
        scorer.Start(null);
        var previous = new long[rows];
        Array.Fill(previous, Batch.BosId);
        var next = new long[rows];
        for (int t = 0; t < steps; t++)
        {
            using var step = NewDisposeScope();
            // Row r's next token: its target token, eos after the last, eos again as padding once done.
            for (int r = 0; r < rows; r++) next[r] = t < targets[r].Length ? targets[r][t] : Batch.EosId;
            var (logProbs, _) = scorer.Step(tensor(previous));
            var picked = logProbs.gather(1, tensor(next).unsqueeze(1)).data<float>().ToArray();
            for (int r = 0; r < rows; r++)
            {
                if (t <= targets[r].Length) scores[r][t] = picked[r];
            }
            scorer.Advance(null);
            (previous, next) = (next, previous);
        }
        return scores;
    }
}
