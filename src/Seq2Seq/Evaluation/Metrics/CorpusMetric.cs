using System.Globalization;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// A corpus metric defined by additive per-segment sufficient statistics (BLEU, chrF), as sacreBLEU's
/// <c>metrics/base.py</c> <c>Metric</c>: the corpus score is a function of the element-wise sum of the
/// segments' statistics, which is also what bootstrap resampling needs. The base owns the walk over
/// segments and the corpus and sentence scores; a metric implements the hooks (one segment's statistics,
/// the score of summed statistics, its signature).
/// </summary>
public abstract class CorpusMetric
{
    /// <summary>The metric's display name, e.g. "BLEU" or "chrF2++".</summary>
    public abstract string Name { get; }

    /// <summary>The number of statistics per segment.</summary>
    public abstract int StatisticsLength { get; }

    /// <summary>The sufficient statistics of every segment (each of <see cref="StatisticsLength"/>).</summary>
    /// <param name="hypotheses">One hypothesis per segment.</param>
    /// <param name="references">Per-segment references.</param>
    public IReadOnlyList<int[]> SegmentStatistics(IReadOnlyList<string> hypotheses, ReferenceSet references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Segments.Count != hypotheses.Count)
        {
            throw new ArgumentException(
                $"{hypotheses.Count} hypotheses but references for {references.Segments.Count} segments.",
                nameof(references));
        }
        var result = new int[hypotheses.Count][];
        for (int i = 0; i < hypotheses.Count; i++)
        {
            string hyp = hypotheses[i] ?? throw new ArgumentException($"Hypothesis {i + 1} is null.", nameof(hypotheses));
            result[i] = SegmentStatistics(hyp, references.Segments[i]);
        }
        return result;
    }

    /// <summary>The statistics of one segment against its references.</summary>
    protected abstract int[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references);

    /// <summary>The score (0-100) of summed statistics.</summary>
    public abstract double ScoreFromStatistics(ReadOnlySpan<long> summed);

    /// <summary>The signature of this metric for the given nrefs value.</summary>
    public abstract MetricSignature Signature(string numberOfReferences);

    /// <summary>The printed result of summed statistics: the metric's own signature unless one is given
    /// (a bootstrap adds <c>bs</c> and <c>seed</c>), with an optional confidence interval.</summary>
    public abstract MetricResult Result(ReadOnlySpan<long> summed, string numberOfReferences,
        MetricSignature? signature = null, ConfidenceInterval? confidence = null);

    /// <summary>The corpus result of already extracted segment statistics.</summary>
    public MetricResult CorpusResult(IReadOnlyList<int[]> statistics, string numberOfReferences,
        MetricSignature? signature = null, ConfidenceInterval? confidence = null) =>
        Result(StatisticsSum.Of(statistics, StatisticsLength), numberOfReferences, signature, confidence);

    /// <summary>The result of every segment on its own, from the same statistics as the corpus score; a
    /// segment's nrefs is its own reference count.</summary>
    public IReadOnlyList<MetricResult> SentenceResults(IReadOnlyList<string> hypotheses, ReferenceSet references) =>
        EachSegment(hypotheses, references, (summed, nrefs) => Result(summed, nrefs));

    /// <summary>Applies <paramref name="score"/> to each segment's statistics alone, with the segment's nrefs.</summary>
    protected IReadOnlyList<T> EachSegment<T>(IReadOnlyList<string> hypotheses, ReferenceSet references,
        Func<long[], string, T> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var stats = SegmentStatistics(hypotheses, references);
        var result = new T[stats.Count];
        for (int i = 0; i < stats.Count; i++)
        {
            var single = Array.ConvertAll(stats[i], s => (long)s);
            result[i] = score(single, references.Segments[i].Count.ToString(CultureInfo.InvariantCulture));
        }
        return result;
    }
}

/// <summary>A <see cref="CorpusMetric"/> with its own score type (<see cref="BleuScore"/>, <see cref="ChrfScore"/>):
/// corpus, sentence and per-segment scores all come from the one hook <see cref="ComputeFromStatistics"/>.</summary>
/// <typeparam name="TScore">The metric's detailed score.</typeparam>
public abstract class CorpusMetric<TScore> : CorpusMetric
{
    /// <summary>The detailed score of summed statistics, with the signature for <paramref name="numberOfReferences"/>.</summary>
    public abstract TScore ComputeFromStatistics(ReadOnlySpan<long> summed, string numberOfReferences);

    /// <summary>The printed result of a detailed score.</summary>
    protected abstract MetricResult ToResult(TScore score, MetricSignature? signature, ConfidenceInterval? confidence);

    /// <inheritdoc/>
    public sealed override MetricResult Result(ReadOnlySpan<long> summed, string numberOfReferences,
        MetricSignature? signature = null, ConfidenceInterval? confidence = null) =>
        ToResult(ComputeFromStatistics(summed, numberOfReferences), signature, confidence);

    /// <summary>The corpus score over reference streams, each with one entry per hypothesis (null = missing).</summary>
    public TScore CorpusScore(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string?>> referenceStreams)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        return CorpusScore(hypotheses, ReferenceSet.FromStreams(referenceStreams, hypotheses.Count));
    }

    /// <summary>The corpus score over already grouped references.</summary>
    public TScore CorpusScore(IReadOnlyList<string> hypotheses, ReferenceSet references) =>
        ComputeFromStatistics(StatisticsSum.Of(SegmentStatistics(hypotheses, references), StatisticsLength),
            references.NumberOfReferences);

    /// <summary>
    /// The score of one sentence with this instance's options, as sacreBLEU's <c>sentence_score</c>: each
    /// reference is its own stream; null references are dropped.
    /// </summary>
    public TScore SentenceScore(string hypothesis, IReadOnlyList<string?> references)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        return CorpusScore([hypothesis], ReferenceSet.FromSentence(references));
    }

    /// <summary>The score of every segment on its own, from the same statistics as the corpus score.</summary>
    public IReadOnlyList<TScore> SentenceScores(IReadOnlyList<string> hypotheses, ReferenceSet references) =>
        EachSegment(hypotheses, references, (summed, nrefs) => ComputeFromStatistics(summed, nrefs));
}
