using Seq2Seq.Data;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Batched beam search. All sentences of a batch are searched together: each active sentence
/// holds K rows. Per step, the 2K best continuations of each sentence are read; those ending in
/// eos leave the beam as finished hypotheses (scored with the length penalty), the K best others
/// continue. A sentence is done when it has K finished hypotheses, or it has the n-best list's
/// worth and no alive hypothesis can still beat the n-th best of them, or its maximum length is
/// reached; done sentences leave the batch.
/// Encoder states and attention keys are computed once; beams are reordered by index selection.
/// With K = 1 this is greedy search.
/// </summary>
public static class BeamSearch
{
    public static IReadOnlyList<IReadOnlyList<Hypothesis>> Search(
        TranslationModel model, Tensor source, Tensor lengths, SearchOptions options)
    {
        using var scorer = new ModelScorer(model, source, lengths);
        return Search(scorer, options);
    }

    /// <summary>Beam search over any step scorer (one model or an ensemble).</summary>
    public static IReadOnlyList<IReadOnlyList<Hypothesis>> Search(IStepScorer scorer, SearchOptions options)
    {
        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        int batch = scorer.BatchSize;
        int k = options.BeamSize;
        int vocab = scorer.VocabularySize;
        var sourceLengths = scorer.SourceLengths;
        var maxLength = sourceLengths.Select(options.MaxOutputLength).ToArray();
        var finished = Enumerable.Range(0, batch).Select(_ => new List<Hypothesis>()).ToArray();

        // Active sentences (their original batch positions) and, per row, the alive hypothesis.
        var active = Enumerable.Range(0, batch).ToList();
        scorer.Start(Enumerable.Range(0, batch).SelectMany(b => Enumerable.Repeat((long)b, k)).ToArray());
        var history = new List<int>[batch * k];
        var attention = options.KeepAttention ? new List<float[]>[batch * k] : null;
        for (int r = 0; r < history.Length; r++)
        {
            history[r] = [];
            if (attention is not null) attention[r] = [];
        }
        // Only the first row of each beam is alive at the start.
        var scoresHost = new double[batch * k];
        for (int r = 0; r < scoresHost.Length; r++) scoresHost[r] = r % k == 0 ? 0.0 : double.NegativeInfinity;
        var scores = tensor(scoresHost, ScalarType.Float32);
        var previous = full(batch * k, (long)Batch.BosId, ScalarType.Int64);

        for (int t = 0; active.Count > 0; t++)
        {
            using var step = NewDisposeScope();
            var (logProbs, weights) = scorer.Step(previous);                    // rows x vocab
            if (t < options.MinLength)
            {
                logProbs.index_fill_(1, tensor(new long[] { Batch.EosId }), double.NegativeInfinity);
            }
            if (options.NoRepeatNgram > 0) BlockRepeatedNgrams(logProbs, history, options.NoRepeatNgram);
            var candidates = (scores.unsqueeze(1) + logProbs).view(active.Count, k * vocab);
            var (topScores, topIndices) = candidates.topk(Math.Min(2 * k, k * vocab), dim: 1);
            var topScoresHost = topScores.data<float>().ToArray();
            var topIndicesHost = topIndices.data<long>().ToArray();
            // Without attention weights from the scorer, hypotheses get empty attention rows.
            float[]? weightsHost = attention is not null && weights is not null ? weights.data<float>().ToArray() : null;
            int sourceWidth = weights is null ? 0 : (int)weights.shape[1];
            int width = (int)topScores.shape[1];

            var nextActive = new List<int>();
            var origins = new List<long>();
            var tokens = new List<long>();
            var newScores = new List<float>();
            var newHistory = new List<List<int>>();
            var newAttention = attention is not null ? new List<List<float[]>>() : null;
            for (int a = 0; a < active.Count; a++)
            {
                int sentence = active[a];
                int length = t + 1;
                var chosen = new List<(long Origin, int Token, float Score)>();
                for (int c = 0; c < width && chosen.Count < k; c++)
                {
                    float score = topScoresHost[a * width + c];
                    if (float.IsNegativeInfinity(score)) break;
                    long index = topIndicesHost[a * width + c];
                    int origin = a * k + (int)(index / vocab);
                    int token = (int)(index % vocab);
                    if (token == Batch.EosId || length >= maxLength[sentence])
                    {
                        // Ends here: eos chosen, or the length limit forces the end.
                        if (finished[sentence].Count < k)
                        {
                            var ids = token == Batch.EosId ? history[origin].ToArray() : [.. history[origin], token];
                            finished[sentence].Add(new Hypothesis(ids, score / options.Normalizer(length),
                                attention is null ? null : AttentionRows(attention[origin], weightsHost, origin, sourceWidth, sourceLengths[sentence])));
                        }
                        continue;
                    }
                    chosen.Add((origin, token, score));
                }
                bool done = finished[sentence].Count >= k || chosen.Count == 0 || length >= maxLength[sentence];
                int wanted = Math.Clamp(options.NBest, 1, k);
                if (!done && finished[sentence].Count >= wanted)
                {
                    // The best alive score can only fall; the best it can become after normalization
                    // is its value divided by the largest normalizer it could still reach.
                    double bestAlive = chosen[0].Score / options.Normalizer(maxLength[sentence]);
                    // The n-th best finished score: an n-best list must not stop on its first entry.
                    double bestFinished = finished[sentence].Select(h => h.Score).OrderByDescending(x => x).ElementAt(wanted - 1);
                    done = options.LengthPenalty == 0 ? chosen[0].Score <= bestFinished : bestAlive <= bestFinished;
                }
                if (done) continue;
                nextActive.Add(sentence);
                for (int j = 0; j < k; j++)
                {
                    // Fewer than K continuations: pad the beam with dead rows.
                    var (origin, token, score) = j < chosen.Count ? chosen[j] : (chosen[0].Origin, chosen[0].Token, float.NegativeInfinity);
                    origins.Add(origin);
                    tokens.Add(token);
                    newScores.Add(score);
                    newHistory.Add([.. history[origin], token]);
                    if (newAttention is not null)
                    {
                        newAttention.Add([.. attention![origin], AttentionRow(weightsHost, (int)origin, sourceWidth, sourceLengths[sentence])]);
                    }
                }
            }

            if (nextActive.Count == 0) break;
            // Rows are reordered (and finished sentences dropped) by index selection.
            scorer.Advance(origins.ToArray());
            previous.Dispose();
            previous = tensor(tokens.ToArray()).MoveToOuterDisposeScope();
            scores.Dispose();
            scores = tensor(newScores.ToArray()).MoveToOuterDisposeScope();
            active = nextActive;
            history = newHistory.ToArray();
            if (newAttention is not null) attention = newAttention.ToArray();
        }

        return finished.Select(list => (IReadOnlyList<Hypothesis>)list
            .OrderByDescending(h => h.Score).Take(Math.Max(1, options.NBest)).ToArray()).ToArray();
    }

    private static float[] AttentionRow(float[]? weights, int row, int width, int sourceLength)
    {
        if (weights is null) return [];
        var result = new float[sourceLength];
        Array.Copy(weights, row * width, result, 0, sourceLength);
        return result;
    }

    private static float[][] AttentionRows(List<float[]> previous, float[]? weights, int row, int width, int sourceLength) =>
        [.. previous, AttentionRow(weights, row, width, sourceLength)];

    /// <summary>Sets to -inf every token that would repeat an n-gram already in the row's history.</summary>
    private static void BlockRepeatedNgrams(Tensor logProbs, List<int>[] history, int n)
    {
        var blockedRows = new List<long>();
        var blockedTokens = new List<long>();
        for (int row = 0; row < history.Length; row++)
        {
            var h = history[row];
            // The last n-1 tokens are the prefix of the next n-gram; every earlier occurrence of that
            // prefix bans the token that followed it.
            for (int start = 0; start + n - 1 < h.Count; start++)
            {
                bool match = true;
                for (int j = 0; j < n - 1 && match; j++)
                {
                    match = h[start + j] == h[h.Count - (n - 1) + j];
                }
                if (!match) continue;
                blockedRows.Add(row);
                blockedTokens.Add(h[start + n - 1]);
            }
        }
        if (blockedRows.Count == 0) return;
        logProbs.index_put_(double.NegativeInfinity, tensor(blockedRows.ToArray()), tensor(blockedTokens.ToArray()));
    }
}
