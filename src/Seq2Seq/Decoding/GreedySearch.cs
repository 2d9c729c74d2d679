using Seq2Seq.Data;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Batched greedy search: at every step each sentence takes its most probable token; the loop
/// stops when every sentence has produced eos or reached its maximum length. Used for validation,
/// where speed matters more than the last BLEU point. Scores are unnormalized log-probabilities.
/// With <see cref="SearchOptions.Sampling"/> each sentence draws its token instead
/// (<see cref="TokenSampler"/>), scored by the model's untempered log-probability.
/// </summary>
public static class GreedySearch
{
    public static IReadOnlyList<Hypothesis> Search(TranslationModel model, Tensor source, Tensor lengths, SearchOptions options)
    {
        using var scorer = new ModelScorer(model, source, lengths);
        return Search(scorer, options);
    }

    /// <summary>Greedy search (or sampling) over any step scorer (one model or an ensemble).</summary>
    /// <param name="sentences">each row's index in the caller's input, which keys its random stream when sampling (default: the row)</param>
    public static IReadOnlyList<Hypothesis> Search(IStepScorer scorer, SearchOptions options, IReadOnlyList<int>? sentences = null)
    {
        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        int batch = scorer.BatchSize;
        var sourceLengths = scorer.SourceLengths;
        var maxLength = sourceLengths.Select(options.MaxOutputLength).ToArray();
        int longest = maxLength.Max();
        var tokens = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var scores = new double[batch];
        var done = new bool[batch];
        var attention = options.KeepAttention ? Enumerable.Range(0, batch).Select(_ => new List<float[]>()).ToArray() : null;

        var streams = options.Sampling is { } sampling ? Enumerable.Range(0, batch).Select(b => sampling.StreamFor(sentences?[b] ?? b)).ToArray() : null;
        scorer.Start(null);
        var previous = full(batch, (long)Batch.BosId, ScalarType.Int64);
        for (int t = 0; t < longest && done.Contains(false); t++)
        {
            using var step = NewDisposeScope();
            var (logProbs, weights) = scorer.Step(previous);                    // batch x vocab
            if (t < options.MinLength)
            {
                logProbs.index_fill_(1, tensor(new long[] { Batch.EosId }), double.NegativeInfinity);
            }
            var (bestHost, argmaxHost, argmax) = streams is null ? Argmax(logProbs) : Sample(logProbs, options.Sampling!, streams, done);
            float[]? weightsHost = attention is not null && weights is not null ? weights.data<float>().ToArray() : null;
            int width = weights is null ? 0 : (int)weights.shape[1];
            for (int b = 0; b < batch; b++)
            {
                if (done[b]) continue;
                scores[b] += bestHost[b];
                if (weightsHost is not null)
                {
                    var row = new float[sourceLengths[b]];
                    Array.Copy(weightsHost, b * width, row, 0, row.Length);
                    attention![b].Add(row);
                }
                if (argmaxHost[b] == Batch.EosId) { done[b] = true; continue; }
                tokens[b].Add((int)argmaxHost[b]);
                if (tokens[b].Count >= maxLength[b]) done[b] = true;
            }
            scorer.Advance(null);
            previous.Dispose();
            previous = argmax.MoveToOuterDisposeScope();
        }
        previous.Dispose();
        return Enumerable.Range(0, batch)
            .Select(b => new Hypothesis(tokens[b].ToArray(), scores[b], attention?[b].ToArray()))
            .ToArray();
    }

    /// <summary>Each row's most probable token and its log-probability.</summary>
    private static (float[] Scores, long[] Tokens, Tensor Next) Argmax(Tensor logProbs)
    {
        var (best, argmax) = logProbs.max(1);
        return (best.data<float>().ToArray(), argmax.data<long>().ToArray(), argmax);
    }

    /// <summary>Each unfinished row's drawn token (from its own random stream) and its log-probability.</summary>
    private static (float[] Scores, long[] Tokens, Tensor Next) Sample(Tensor logProbs, SamplingOptions sampling, SplitMix64[] streams, bool[] done)
    {
        int rows = (int)logProbs.shape[0], vocabulary = (int)logProbs.shape[1];
        var host = logProbs.data<float>().ToArray();
        var scores = new float[rows];
        var tokens = new long[rows];
        for (int b = 0; b < rows; b++)
        {
            tokens[b] = Batch.EosId;
            if (done[b]) continue;
            var row = host.AsSpan(b * vocabulary, vocabulary);
            tokens[b] = TokenSampler.Sample(row, sampling, streams[b]);
            scores[b] = row[(int)tokens[b]];
        }
        return (scores, tokens, tensor(tokens));
    }
}
