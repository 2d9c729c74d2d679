using Seq2Seq.Evaluation.Compatibility;
using System.Globalization;
using System.Text;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// A BLEU result with every figure sacreBLEU reports.
/// </summary>
/// <param name="Score">BLEU on a 0-100 scale (a perfect match gives 100.00000000000004, as in sacreBLEU).</param>
/// <param name="Counts">Matched n-grams per order. With add-k smoothing these include the added k for n &gt; 1 (so
/// they may be fractional, e.g. 56.5), exactly as sacreBLEU returns them.</param>
/// <param name="Totals">Hypothesis n-grams per order (also including k under add-k).</param>
/// <param name="Precisions">Smoothed n-gram precisions in percent.</param>
/// <param name="BrevityPenalty">1 when SysLen ≥ RefLen, else exp(1 - RefLen/SysLen), and 0.0 when SysLen is 0.</param>
/// <param name="SysLen">Hypothesis length in tokens.</param>
/// <param name="RefLen">Summed closest reference lengths.</param>
public sealed record BleuScore(
    double Score,
    IReadOnlyList<double> Counts,
    IReadOnlyList<double> Totals,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    long SysLen,
    long RefLen)
{
    /// <summary>The signature of the settings that produced this score.</summary>
    public MetricSignature? Signature { get; init; }

    /// <summary>SysLen / RefLen, or 0 when RefLen is 0 (sacreBLEU's ratio).</summary>
    public double Ratio => RefLen != 0 ? (double)SysLen / RefLen : 0.0;

    /// <summary>The metric name, "BLEU".</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "an instance member like ChrfScore.Name, whose value varies")]
    public string Name => "BLEU";

    /// <summary>
    /// sacreBLEU's text line, e.g.
    /// <c>BLEU = 34.28 65.2/41.5/27.8/19.0 (BP = 1.000 ratio = 1.014 hyp_len = 12345 ref_len = 12170)</c>.
    /// With <paramref name="withSignature"/> the name becomes <c>BLEU|nrefs:1|...</c>; with a confidence interval
    /// the score is followed by <c>(μ = 34.30 ± 0.80)</c>. Numbers are rounded like Python's format (half to even on
    /// the exact binary value).
    /// </summary>
    public string Format(int width = 2, bool withSignature = false, ConfidenceInterval? confidence = null)
    {
        var sb = new StringBuilder();
        sb.Append(Name);
        if (withSignature && Signature is not null)
        {
            sb.Append('|').Append(Signature.Format());
        }
        sb.Append(" = ").Append(PythonFormat.Fixed(Score, width));
        if (confidence is { } ci)
        {
            sb.Append(" (").Append(ci.Format(width)).Append(')');
        }
        sb.Append(' ').Append(Verbose);
        return sb.ToString();
    }

    /// <summary>What sacreBLEU prints after the score (its <c>verbose_score</c>):
    /// <c>65.2/41.5/27.8/19.0 (BP = 1.000 ratio = 1.014 hyp_len = 12345 ref_len = 12170)</c>.</summary>
    public string Verbose
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(string.Join("/", Precisions.Select(p => PythonFormat.Fixed(p, 1))));
            sb.Append(" (BP = ").Append(PythonFormat.Fixed(BrevityPenalty, 3));
            sb.Append(" ratio = ").Append(PythonFormat.Fixed(Ratio, 3));
            sb.Append(" hyp_len = ").Append(SysLen.ToString(CultureInfo.InvariantCulture));
            sb.Append(" ref_len = ").Append(RefLen.ToString(CultureInfo.InvariantCulture)).Append(')');
            return sb.ToString();
        }
    }

    /// <summary>The same as <see cref="Format"/> with default arguments.</summary>
    public override string ToString() => Format();
}
