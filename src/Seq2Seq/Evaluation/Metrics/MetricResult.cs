namespace Seq2Seq.Evaluation.Metrics;

/// <summary>One printed score: a corpus or sentence BLEU/chrF result with the signature it is printed with.</summary>
/// <param name="Name">"BLEU", "chrF2", "chrF2++".</param>
/// <param name="Score">The exact score (0-100).</param>
/// <param name="Signature">The signature (with <c>bs</c>/<c>seed</c> when a confidence interval was computed).</param>
/// <param name="Bleu">The BLEU details, for BLEU.</param>
/// <param name="Chrf">The chrF details, for chrF.</param>
/// <param name="Confidence">The bootstrap interval, when requested.</param>
public sealed record MetricResult(
    string Name,
    double Score,
    MetricSignature Signature,
    BleuScore? Bleu = null,
    ChrfScore? Chrf = null,
    ConfidenceInterval? Confidence = null)
{
    /// <summary>From a BLEU score (its own signature unless one is given).</summary>
    public static MetricResult FromBleu(BleuScore bleu, MetricSignature? signature = null,
        ConfidenceInterval? confidence = null) =>
        new(bleu.Name, bleu.Score, signature ?? bleu.Signature ?? throw new ArgumentException("No signature.", nameof(bleu)),
            Bleu: bleu, Confidence: confidence);

    /// <summary>From a chrF score (its own signature unless one is given).</summary>
    public static MetricResult FromChrf(ChrfScore chrf, MetricSignature? signature = null,
        ConfidenceInterval? confidence = null) =>
        new(chrf.Name, chrf.Score, signature ?? chrf.Signature ?? throw new ArgumentException("No signature.", nameof(chrf)),
            Chrf: chrf, Confidence: confidence);

    /// <summary>sacreBLEU's <c>verbose_score</c> (what BLEU prints after the score), else null.</summary>
    public string? Verbose => Bleu?.Verbose;

    /// <summary>sacreBLEU's text line: <c>NAME|SIGNATURE = SCORE [(μ = M ± H)] [VERBOSE]</c>.</summary>
    public string Format(int width, bool withSignature = true)
    {
        if (Bleu is not null)
        {
            return (Bleu with { Signature = Signature }).Format(width, withSignature, Confidence);
        }
        if (Chrf is not null)
        {
            return (Chrf with { Signature = Signature }).Format(width, withSignature, Confidence);
        }
        throw new InvalidOperationException("A result holds a BLEU or a chrF score.");
    }
}
