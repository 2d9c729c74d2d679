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
        var beams = new Beams(scorer, options);
        while (beams.Active.Count > 0)
        {
            using var step = NewDisposeScope();
            var next = beams.Choose(beams.TopCandidates());
            if (next.Sentences.Count == 0) break;
            beams.Advance(next);
        }
        return beams.Results();
    }

    /// <summary>The 2K best continuations of each active sentence at one step, read to the host.</summary>
    private sealed record Candidates(float[] Scores, long[] Indices, int Width, float[]? Weights, int SourceWidth);

    /// <summary>The rows of the next step: per continuing sentence K rows (origin row, token, score, history).</summary>
    private sealed class NextRows(bool withAttention)
    {
        public List<int> Sentences { get; } = [];
        public List<long> Origins { get; } = [];
        public List<long> Tokens { get; } = [];
        public List<float> Scores { get; } = [];
        public List<List<int>> History { get; } = [];
        public List<List<float[]>>? Attention { get; } = withAttention ? [] : null;
    }

    /// <summary>The search state: active sentences, each row's alive hypothesis, and the finished ones.</summary>
    private sealed class Beams
    {
        private readonly IStepScorer scorer;
        private readonly SearchOptions options;
        private readonly int k;
        private readonly int vocab;
        private readonly IReadOnlyList<int> sourceLengths;
        private readonly int[] maxLength;
        private readonly List<Hypothesis>[] finished;
        private List<int>[] history;
        private List<float[]>[]? attention;
        private Tensor scores;
        private Tensor previous;
        private int t;

        /// <summary>Active sentences (their original batch positions), K rows each.</summary>
        public List<int> Active { get; private set; }

        public Beams(IStepScorer scorer, SearchOptions options)
        {
            (this.scorer, this.options) = (scorer, options);
            int batch = scorer.BatchSize;
            k = options.BeamSize;
            vocab = scorer.VocabularySize;
            sourceLengths = scorer.SourceLengths;
            maxLength = sourceLengths.Select(options.MaxOutputLength).ToArray();
            finished = Enumerable.Range(0, batch).Select(_ => new List<Hypothesis>()).ToArray();
            Active = Enumerable.Range(0, batch).ToList();
            scorer.Start(Enumerable.Range(0, batch).SelectMany(b => Enumerable.Repeat((long)b, k)).ToArray());
            history = Enumerable.Range(0, batch * k).Select(_ => new List<int>()).ToArray();
            attention = options.KeepAttention ? Enumerable.Range(0, batch * k).Select(_ => new List<float[]>()).ToArray() : null;
            // Only the first row of each beam is alive at the start.
            var scoresHost = new double[batch * k];
            for (int r = 0; r < scoresHost.Length; r++) scoresHost[r] = r % k == 0 ? 0.0 : double.NegativeInfinity;
            scores = tensor(scoresHost, ScalarType.Float32);
            previous = full(batch * k, (long)Batch.BosId, ScalarType.Int64);
        }

        /// <summary>One decoder step: log-probabilities (eos masked before the minimum length, repeated n-grams
        /// blocked), added to the row scores, and the 2K best of each sentence's K × vocabulary.</summary>
        public Candidates TopCandidates()
        {
            var (logProbs, weights) = scorer.Step(previous);                    // rows x vocab
            if (t < options.MinLength)
            {
                logProbs.index_fill_(1, tensor(new long[] { Batch.EosId }), double.NegativeInfinity);
            }
            if (options.NoRepeatNgram > 0) BlockRepeatedNgrams(logProbs, history, options.NoRepeatNgram);
            var candidates = (scores.unsqueeze(1) + logProbs).view(Active.Count, k * vocab);
            var (topScores, topIndices) = candidates.topk(Math.Min(2 * k, k * vocab), dim: 1);
            // Without attention weights from the scorer, hypotheses get empty attention rows.
            float[]? weightsHost = attention is not null && weights is not null ? weights.data<float>().ToArray() : null;
            return new Candidates(topScores.data<float>().ToArray(), topIndices.data<long>().ToArray(),
                (int)topScores.shape[1], weightsHost, weights is null ? 0 : (int)weights.shape[1]);
        }

        /// <summary>Finishes what ends at this step and keeps the K best continuations of each sentence that is not done.</summary>
        public NextRows Choose(Candidates candidates)
        {
            var next = new NextRows(attention is not null);
            for (int a = 0; a < Active.Count; a++)
            {
                int sentence = Active[a];
                var chosen = Continuations(a, candidates);
                if (IsDone(sentence, chosen)) continue;
                next.Sentences.Add(sentence);
                for (int j = 0; j < k; j++)
                {
                    // Fewer than K continuations: pad the beam with dead rows.
                    var (origin, token, score) = j < chosen.Count ? chosen[j] : (chosen[0].Origin, chosen[0].Token, float.NegativeInfinity);
                    next.Origins.Add(origin);
                    next.Tokens.Add(token);
                    next.Scores.Add(score);
                    next.History.Add([.. history[origin], token]);
                    next.Attention?.Add([.. attention![origin], AttentionRow(candidates.Weights, (int)origin, candidates.SourceWidth, sourceLengths[sentence])]);
                }
            }
            return next;
        }

        /// <summary>The best continuations of the a-th active sentence, up to K, in score order; those that end
        /// here (eos, or the length limit) join its finished hypotheses instead, while it has fewer than K.</summary>
        private List<(long Origin, int Token, float Score)> Continuations(int a, Candidates c)
        {
            int sentence = Active[a];
            int length = t + 1;
            var chosen = new List<(long Origin, int Token, float Score)>();
            for (int i = 0; i < c.Width && chosen.Count < k; i++)
            {
                float score = c.Scores[a * c.Width + i];
                if (float.IsNegativeInfinity(score)) break;
                long index = c.Indices[a * c.Width + i];
                int origin = a * k + (int)(index / vocab);
                int token = (int)(index % vocab);
                if (token == Batch.EosId || length >= maxLength[sentence])
                {
                    if (finished[sentence].Count < k)
                    {
                        var ids = token == Batch.EosId ? history[origin].ToArray() : [.. history[origin], token];
                        finished[sentence].Add(new Hypothesis(ids, score / options.Normalizer(length),
                            attention is null ? null : AttentionRows(attention[origin], c.Weights, origin, c.SourceWidth, sourceLengths[sentence])));
                    }
                    continue;
                }
                chosen.Add((origin, token, score));
            }
            return chosen;
        }

        /// <summary>A sentence is done with K finished hypotheses, nothing left to continue, at its length limit,
        /// or when no alive hypothesis can still beat the n-th best finished one.</summary>
        private bool IsDone(int sentence, List<(long Origin, int Token, float Score)> chosen)
        {
            if (finished[sentence].Count >= k || chosen.Count == 0 || t + 1 >= maxLength[sentence]) return true;
            int wanted = Math.Clamp(options.NBest, 1, k);
            if (finished[sentence].Count < wanted) return false;
            // The best alive score can only fall; the best it can become after normalization
            // is its value divided by the largest normalizer it could still reach.
            double bestAlive = chosen[0].Score / options.Normalizer(maxLength[sentence]);
            // The n-th best finished score: an n-best list must not stop on its first entry.
            double bestFinished = finished[sentence].Select(h => h.Score).OrderByDescending(x => x).ElementAt(wanted - 1);
            return options.LengthPenalty == 0 ? chosen[0].Score <= bestFinished : bestAlive <= bestFinished;
        }

        /// <summary>Moves to the next step: rows are reordered (and finished sentences dropped) by index selection.</summary>
        public void Advance(NextRows next)
        {
            scorer.Advance(next.Origins.ToArray());
            previous.Dispose();
            previous = tensor(next.Tokens.ToArray()).MoveToOuterDisposeScope();
            scores.Dispose();
            scores = tensor(next.Scores.ToArray()).MoveToOuterDisposeScope();
            Active = next.Sentences;
            history = next.History.ToArray();
            if (next.Attention is not null) attention = next.Attention.ToArray();
            t++;
        }

        /// <summary>Each sentence's best max(1, n-best) finished hypotheses, best first.</summary>
        public IReadOnlyList<IReadOnlyList<Hypothesis>> Results() =>
            finished.Select(list => (IReadOnlyList<Hypothesis>)list
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
