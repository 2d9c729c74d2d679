using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation.Significance;

/// <summary>A corpus score with its bootstrap confidence interval.</summary>
/// <param name="MetricName">"BLEU", "chrF2", ...</param>
/// <param name="Score">The score of the full corpus (not the bootstrap mean).</param>
/// <param name="Interval">The 95% interval from the resampled scores.</param>
/// <param name="SampleScores">The score of every resample, in draw order.</param>
/// <param name="Signature">The metric signature with <c>bs:N|seed:S</c> added, as sacreBLEU prints it.</param>
public sealed record BootstrapEstimate(
    string MetricName,
    double Score,
    ConfidenceInterval Interval,
    IReadOnlyList<double> SampleScores,
    MetricSignature Signature);
