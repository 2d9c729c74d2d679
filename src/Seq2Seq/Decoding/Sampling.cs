namespace Seq2Seq.Decoding;

/// <summary>
/// Sampling instead of search (decoding.sampling; e.g. for back-translation): at every step each
/// sentence draws its next token from the model's distribution, sharpened or flattened by
/// <see cref="Temperature"/> and truncated to the <see cref="TopK"/> most probable tokens and to the
/// smallest set of most probable tokens whose probability reaches <see cref="TopP"/> (nucleus).
/// Draws come from a SplitMix64 stream per sentence, keyed by <see cref="Seed"/> and the sentence's
/// position in the input (<see cref="FirstLine"/> + its index in the call), so a translation depends
/// on the seed and its line, not on batching or streaming.
/// </summary>
public sealed record SamplingOptions
{
    /// <summary>Draw from the k most probable tokens only; 0 for no limit.</summary>
    public int TopK { get; init; }

    /// <summary>Draw from the smallest set of most probable tokens whose probability reaches p; 1 for no limit.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Log-probabilities are divided by this before the truncation and the draw (1: the model's distribution).</summary>
    public double Temperature { get; init; } = 1.0;

    public long Seed { get; init; }

    /// <summary>The input line of the call's first sentence (a stream's chunks set it).</summary>
    public long FirstLine { get; init; }

    /// <summary>The random stream of the sentence at <paramref name="index"/> in the call.</summary>
    public SplitMix64 StreamFor(int index) => new(unchecked((ulong)Seed * 0xD1B54A32D192ED03UL + (ulong)(FirstLine + index)));
}

/// <summary>One draw from a truncated, tempered distribution over a vocabulary.</summary>
public static class TokenSampler
{
    /// <summary>
    /// The token drawn from <paramref name="logProbs"/> (one row; -inf marks a forbidden token)
    /// under <paramref name="options"/>. Ties in probability are ordered by token id, so the
    /// truncation, and with it the draw, is deterministic.
    /// </summary>
    public static int Sample(ReadOnlySpan<float> logProbs, SamplingOptions options, SplitMix64 random)
    {
        var (tokens, weights) = Truncated(logProbs, options);
        double total = weights.Sum();
        double u = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53)) * total;
        for (int i = 0; i < tokens.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return tokens[i];
        }
        return tokens[^1];
    }

    /// <summary>The tokens that may be drawn, most probable first, with their unnormalized tempered probabilities.</summary>
    public static (int[] Tokens, double[] Weights) Truncated(ReadOnlySpan<float> logProbs, SamplingOptions options)
    {
        var order = new List<int>(logProbs.Length);
        for (int j = 0; j < logProbs.Length; j++)
            if (!float.IsNegativeInfinity(logProbs[j]) && !float.IsNaN(logProbs[j])) order.Add(j);
        if (order.Count == 0) throw new ArgumentException("no token has a finite log-probability", nameof(logProbs));
        var values = logProbs.ToArray();
        order.Sort((a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        if (options.TopK > 0 && order.Count > options.TopK) order.RemoveRange(options.TopK, order.Count - options.TopK);

        double max = values[order[0]] / options.Temperature;
        var weights = order.Select(j => Math.Exp(values[j] / options.Temperature - max)).ToArray();
        if (options.TopP < 1.0)
        {
            double total = weights.Sum(), cumulative = 0;
            int keep = 0;
            while (keep < weights.Length && cumulative < options.TopP * total) cumulative += weights[keep++];
            return (order.Take(keep).ToArray(), weights[..keep]);
        }
        return (order.ToArray(), weights);
    }
}
