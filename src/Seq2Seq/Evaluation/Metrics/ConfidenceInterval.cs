using Seq2Seq.Evaluation.Compatibility;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// A bootstrap 95% confidence interval, computed as sacreBLEU's <c>estimate_ci</c> does: the resampled scores are
/// sorted, the bounds are the scores at index <c>n // 40</c> and <c>n - n // 40 - 1</c> (25th and 976th of 1,000),
/// and sacreBLEU reports the MEAN of the resampled scores ± HALF the width between the bounds.
/// </summary>
/// <param name="Mean">Mean of the resampled scores (sacreBLEU's μ).</param>
/// <param name="HalfWidth">Half the distance between the bounds (sacreBLEU's ±).</param>
/// <param name="Lower">Lower bound (the 2.5% order statistic).</param>
/// <param name="Upper">Upper bound (the 97.5% order statistic).</param>
/// <param name="Samples">Number of bootstrap resamples.</param>
/// <param name="Seed">Seed of the resampling generator.</param>
public sealed record ConfidenceInterval(double Mean, double HalfWidth, double Lower, double Upper, int Samples, ulong Seed)
{
    /// <summary>sacreBLEU's text: <c>μ = 34.30 ± 0.80</c>.</summary>
    public string Format(int width = 2) =>
        "μ = " + PythonFormat.Fixed(Mean, width) + " ± " + PythonFormat.Fixed(HalfWidth, width);

    /// <summary>Estimates the interval from resampled scores (they are copied, not modified).</summary>
    /// <exception cref="ArgumentException">No scores.</exception>
    public static ConfidenceInterval FromSamples(IReadOnlyList<double> scores, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one resampled score is required.", nameof(scores));
        }
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        int lowerIndex = n / 40;
        int upperIndex = n - lowerIndex - 1;
        double lower = sorted[lowerIndex];
        double upper = sorted[upperIndex];
        double sum = 0.0;
        foreach (double s in sorted)
        {
            sum += s;
        }
        return new ConfidenceInterval(sum / n, 0.5 * (upper - lower), lower, upper, n, seed);
    }
}
