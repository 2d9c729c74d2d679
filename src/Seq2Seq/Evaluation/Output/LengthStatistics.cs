namespace Seq2Seq.Evaluation.Output;

/// <summary>Length figures of a test set, in BLEU tokens (after the BLEU tokenizer).</summary>
/// <param name="Segments">Number of segments.</param>
/// <param name="EmptyHypotheses">Hypotheses with no token.</param>
/// <param name="HypothesisTokens">Total hypothesis tokens (BLEU's sys_len).</param>
/// <param name="ReferenceTokens">Total closest reference tokens (BLEU's ref_len).</param>
/// <param name="MeanHypothesisTokens">Mean hypothesis length.</param>
/// <param name="MeanReferenceTokens">Mean closest reference length.</param>
/// <param name="MaxHypothesisTokens">Longest hypothesis.</param>
/// <param name="MaxReferenceTokens">Longest closest reference.</param>
public sealed record LengthStatistics(
    int Segments,
    int EmptyHypotheses,
    long HypothesisTokens,
    long ReferenceTokens,
    double MeanHypothesisTokens,
    double MeanReferenceTokens,
    int MaxHypothesisTokens,
    int MaxReferenceTokens)
{
    /// <summary>Hypothesis tokens / reference tokens (0 when there are no reference tokens), as BLEU's ratio.</summary>
    public double Ratio => ReferenceTokens != 0 ? (double)HypothesisTokens / ReferenceTokens : 0.0;
}
