using Seq2Seq.Evaluation.Compatibility;
using System.Text;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>A chrF / chrF++ result.</summary>
/// <param name="Score">The score, 0-100.</param>
/// <param name="Name">"chrF2", "chrF2++" (β followed by one '+' per word order), ...</param>
/// <param name="Statistics">The summed statistics <c>[hyp, ref, match]</c> for char orders 1..nc then word orders
/// 1..nw (the hyp count of an order is 0 for segments whose reference has no n-gram of that order).</param>
public sealed record ChrfScore(double Score, string Name, IReadOnlyList<long> Statistics)
{
    /// <summary>The signature of the settings that produced this score.</summary>
    public MetricSignature? Signature { get; init; }

    /// <summary>sacreBLEU's text line, e.g. <c>chrF2++ = 49.56</c>, optionally with the signature after the name and a
    /// confidence interval <c>(μ = 49.60 ± 0.90)</c> after the score.</summary>
    public string Format(int width = 2, bool withSignature = false, ConfidenceInterval? confidence = null)
    {
        var sb = new StringBuilder(Name);
        if (withSignature && Signature is not null)
        {
            sb.Append('|').Append(Signature.Format());
        }
        sb.Append(" = ").Append(PythonFormat.Fixed(Score, width));
        if (confidence is { } ci)
        {
            sb.Append(" (").Append(ci.Format(width)).Append(')');
        }
        return sb.ToString();
    }

    /// <summary>The same as <see cref="Format"/> with default arguments.</summary>
    public override string ToString() => Format();
}
