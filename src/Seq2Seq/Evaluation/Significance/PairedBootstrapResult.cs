using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation.Significance;

/// <summary>The outcome of a paired bootstrap test of a system against a baseline.</summary>
/// <param name="MetricName">"BLEU", "chrF2", ...</param>
/// <param name="BaselineScore">Corpus score of the baseline.</param>
/// <param name="SystemScore">Corpus score of the system.</param>
/// <param name="BaselineInterval">Bootstrap interval of the baseline (same resamples).</param>
/// <param name="SystemInterval">Bootstrap interval of the system (same resamples).</param>
/// <param name="PValue">(c + 1) / (N + 1), c = resamples whose centred absolute difference exceeds the observed
/// absolute difference. Small means the difference is unlikely to be chance.</param>
/// <param name="Samples">Number of resamples N.</param>
/// <param name="Seed">Seed of the resample indices.</param>
/// <param name="Signature">Metric signature with <c>bs:N|seed:S</c>.</param>
public sealed record PairedBootstrapResult(
    string MetricName,
    double BaselineScore,
    double SystemScore,
    ConfidenceInterval BaselineInterval,
    ConfidenceInterval SystemInterval,
    double PValue,
    int Samples,
    ulong Seed,
    MetricSignature Signature)
{
    /// <summary>System score minus baseline score.</summary>
    public double Difference => SystemScore - BaselineScore;

    /// <summary>Whether <see cref="PValue"/> is below <paramref name="alpha"/> (sacreBLEU marks p &lt; 0.05 with *).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
