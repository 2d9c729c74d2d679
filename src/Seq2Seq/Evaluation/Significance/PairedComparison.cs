using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation.Significance;

/// <summary>Paired bootstrap tests of every system against the first (the baseline), for each metric.</summary>
/// <param name="Systems">System names (the hypothesis file paths), baseline first.</param>
/// <param name="Metrics">One entry per metric, in output order.</param>
/// <param name="Samples">Bootstrap resamples.</param>
/// <param name="Seed">Resampling seed.</param>
public sealed record PairedComparison(
    IReadOnlyList<string> Systems,
    IReadOnlyList<PairedMetricComparison> Metrics,
    int Samples,
    ulong Seed);

/// <summary>One metric of a <see cref="PairedComparison"/>.</summary>
/// <param name="Name">"BLEU", "chrF2", ...</param>
/// <param name="Signature">The metric's signature with <c>bs</c> and <c>seed</c>.</param>
/// <param name="BaselineScore">The baseline's corpus score.</param>
/// <param name="BaselineInterval">The baseline's bootstrap interval.</param>
/// <param name="Results">The test of each other system against the baseline, in system order.</param>
public sealed record PairedMetricComparison(
    string Name,
    MetricSignature Signature,
    double BaselineScore,
    ConfidenceInterval BaselineInterval,
    IReadOnlyList<PairedBootstrapResult> Results);
