using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>Figures of one validation: per-token loss (negative log-likelihood), perplexity and greedy BLEU.</summary>
public sealed record ValidationResult(double Loss, double Perplexity, double Bleu, string BleuLine)
{
    public double Score(ValidationMetric metric) => metric switch
    {
        ValidationMetric.Bleu => Bleu,
        ValidationMetric.Loss => Loss,
        _ => Perplexity,
    };
}
