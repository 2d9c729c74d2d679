namespace Seq2Seq.Evaluation;

/// <summary>
/// A corpus metric defined by additive per-segment sufficient statistics (BLEU, chrF): the corpus score is a
/// function of the element-wise sum of the segments' statistics. This is what bootstrap resampling needs.
/// </summary>
public interface ICorpusMetric
{
    /// <summary>The metric's display name, e.g. "BLEU" or "chrF2++".</summary>
    string Name { get; }

    /// <summary>Extracts the sufficient statistics of every segment (all of the same length).</summary>
    /// <param name="hypotheses">One hypothesis per segment.</param>
    /// <param name="references">Per-segment references.</param>
    IReadOnlyList<int[]> SegmentStatistics(IReadOnlyList<string> hypotheses, ReferenceSet references);

    /// <summary>The score (0-100) of summed statistics.</summary>
    double ScoreFromStatistics(ReadOnlySpan<long> summed);

    /// <summary>The signature of this metric for the given nrefs value.</summary>
    MetricSignature Signature(string numberOfReferences);
}
