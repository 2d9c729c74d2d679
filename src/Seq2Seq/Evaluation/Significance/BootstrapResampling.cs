using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation.Significance;

/// <summary>
/// Bootstrap resampling of segments for confidence intervals, following sacreBLEU's <c>_bootstrap_resample</c>:
/// draw <c>samples</c> resamples of n segment indices with replacement (one matrix of indices for the whole run),
/// re-score each resample from the summed segment statistics, and summarise with
/// <see cref="ConfidenceInterval.FromSamples"/>. sacreBLEU's defaults are 1,000 resamples and seed 12345.
/// </summary>
public static class BootstrapResampling
{
    /// <summary>sacreBLEU's default number of resamples.</summary>
    public const int DefaultSamples = 1000;

    /// <summary>The most resamples asked for (time and memory grow with samples x sentences).</summary>
    public const int MaxSamples = 100_000;

    /// <summary>sacreBLEU's default seed (its SACREBLEU_SEED default).</summary>
    public const ulong DefaultSeed = 12345;

    /// <summary>
    /// The resample index matrix: <paramref name="samples"/> rows of <paramref name="segmentCount"/> indices drawn
    /// uniformly with replacement. The same seed always gives the same matrix, and a paired test uses one matrix
    /// for both systems.
    /// </summary>
    public static int[][] DrawIndices(int segmentCount, int samples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        var rng = new DeterministicRandom(seed);
        var indices = new int[samples][];
        for (int s = 0; s < samples; s++)
        {
            var row = new int[segmentCount];
            for (int i = 0; i < segmentCount; i++)
            {
                row[i] = rng.NextBelow(segmentCount);
            }
            indices[s] = row;
        }
        return indices;
    }

    /// <summary>The score of every resample: statistics of the drawn segments are summed and scored.</summary>
    public static double[] ResampledScores(CorpusMetric metric, IReadOnlyList<int[]> segmentStatistics, int[][] indices)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(segmentStatistics);
        if (segmentStatistics.Count == 0)
        {
            throw new ArgumentException("No segments to resample.", nameof(segmentStatistics));
        }
        int width = segmentStatistics[0].Length;
        var scores = new double[indices.Length];
        var sum = new long[width];
        for (int s = 0; s < indices.Length; s++)
        {
            Array.Clear(sum);
            foreach (int i in indices[s])
            {
                int[] seg = segmentStatistics[i];
                for (int k = 0; k < width; k++)
                {
                    sum[k] += seg[k];
                }
            }
            scores[s] = metric.ScoreFromStatistics(sum);
        }
        return scores;
    }

    /// <summary>Corpus score and 95% bootstrap confidence interval of a metric.</summary>
    /// <param name="metric">A <see cref="Bleu"/> or <see cref="Chrf"/> instance.</param>
    /// <param name="hypotheses">One hypothesis per segment.</param>
    /// <param name="references">Per-segment references.</param>
    /// <param name="samples">Number of resamples (1,000).</param>
    /// <param name="seed">Seed (12345).</param>
    public static BootstrapEstimate Estimate(CorpusMetric metric, IReadOnlyList<string> hypotheses,
        ReferenceSet references, int samples = DefaultSamples, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var stats = metric.SegmentStatistics(hypotheses, references);
        return Estimate(metric, stats, references.NumberOfReferences, samples, seed);
    }

    /// <summary>The same from already extracted segment statistics.</summary>
    public static BootstrapEstimate Estimate(CorpusMetric metric, IReadOnlyList<int[]> segmentStatistics,
        string numberOfReferences, int samples = DefaultSamples, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(segmentStatistics);
        if (segmentStatistics.Count == 0)
        {
            throw new ArgumentException("No segments to resample.", nameof(segmentStatistics));
        }
        double score = metric.ScoreFromStatistics(StatisticsSum.Of(segmentStatistics, segmentStatistics[0].Length));
        var indices = DrawIndices(segmentStatistics.Count, samples, seed);
        var scores = ResampledScores(metric, segmentStatistics, indices);
        return new BootstrapEstimate(metric.Name, score, ConfidenceInterval.FromSamples(scores, seed), scores,
            metric.Signature(numberOfReferences).WithBootstrap(samples, SeedText(seed)));
    }

    /// <summary>The seed as sacreBLEU prints it in signatures (decimal).</summary>
    internal static string SeedText(ulong seed) => seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
