using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>Which validation score is better: higher BLEU, lower loss and perplexity. Defined here once.</summary>
public static class ScoreOrder
{
    public static bool HigherIsBetter(ValidationMetric metric) => metric == ValidationMetric.Bleu;

    /// <summary>Negative when <paramref name="a"/> is better than <paramref name="b"/>, positive when worse, 0 when equal (neither may be NaN).</summary>
    public static int Compare(double a, double b, ValidationMetric metric) => HigherIsBetter(metric) ? b.CompareTo(a) : a.CompareTo(b);
}
