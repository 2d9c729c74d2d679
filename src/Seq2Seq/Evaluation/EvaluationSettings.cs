using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Evaluation;

/// <summary>How the <c>evaluate</c> verb scores and prints (see <see cref="Evaluator"/>).</summary>
public sealed record EvaluationSettings
{
    /// <summary>The metrics, in output order (default BLEU and chrF2).</summary>
    public IReadOnlyList<EvaluationMetric> Metrics { get; init; } = [EvaluationMetric.Bleu, EvaluationMetric.Chrf];

    /// <summary>BLEU settings (tokenizer, case, smoothing). Corpus BLEU never uses effective order; sentence-level
    /// BLEU always does, as sacreBLEU's CLI.</summary>
    public BleuOptions Bleu { get; init; } = BleuOptions.Corpus;

    /// <summary>Lowercase for chrF (the verb's --lowercase sets both this and <see cref="BleuOptions.Lowercase"/>).</summary>
    public bool ChrfLowercase { get; init; }

    /// <summary>Decimals of printed scores: sacreBLEU's <c>--width</c>, default 1 as in its CLI.</summary>
    public int Width { get; init; } = 1;

    /// <summary>Print one score line per segment (sacreBLEU's <c>--sentence-level</c>).</summary>
    public bool SentenceLevel { get; init; }

    /// <summary>Add a bootstrap confidence interval (sacreBLEU's <c>--confidence</c>).</summary>
    public bool Confidence { get; init; }

    /// <summary>Bootstrap resamples for confidence intervals and the paired test (1,000).</summary>
    public int BootstrapSamples { get; init; } = BootstrapResampling.DefaultSamples;

    /// <summary>Seed of the resampling (12345).</summary>
    public ulong Seed { get; init; } = BootstrapResampling.DefaultSeed;

    /// <summary>JSON instead of text.</summary>
    public bool Json { get; init; }

    /// <summary>Folder for report.md, report.json and sentence-bleu.png, or null for no report.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>The chrF options of a chrF metric with these settings.</summary>
    public ChrfOptions ChrfOptionsFor(EvaluationMetric metric) => metric switch
    {
        EvaluationMetric.Chrf => ChrfOptions.Chrf with { Lowercase = ChrfLowercase },
        EvaluationMetric.ChrfPlusPlus => ChrfOptions.ChrfPlusPlus with { Lowercase = ChrfLowercase },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a chrF metric."),
    };

    /// <summary>A metric instance for corpus scoring.</summary>
    public CorpusMetric Create(EvaluationMetric metric) => metric == EvaluationMetric.Bleu
        ? new Bleu(Bleu with { EffectiveOrder = false })
        : new Chrf(ChrfOptionsFor(metric));

    /// <summary>A metric instance for sentence-level scores: BLEU with effective order on, as sacreBLEU's CLI.</summary>
    public CorpusMetric CreateForSentences(EvaluationMetric metric) => metric == EvaluationMetric.Bleu
        ? new Bleu(Bleu with { EffectiveOrder = true })
        : new Chrf(ChrfOptionsFor(metric));

    /// <summary>
    /// Checks the combination of settings for <paramref name="systemCount"/> hypothesis files, with sacreBLEU's
    /// rules: sentence level takes one system, one metric and no statistical test; a report is written for one
    /// system.
    /// </summary>
    /// <exception cref="UserError">An invalid combination, naming the options.</exception>
    public void Validate(int systemCount)
    {
        if (systemCount < 1)
        {
            throw new UserError("missing --hyp (seq2seq evaluate --help)");
        }
        if (Metrics.Count == 0)
        {
            throw new UserError("--metrics: no metric given");
        }
        if (Width is < 0 or > 16)
        {
            throw new UserError($"--width: expected 0 to 16 decimals, got {Width}");
        }
        if (BootstrapSamples < 1)
        {
            throw new UserError($"--bootstrap: expected at least 1 resample, got {BootstrapSamples}");
        }
        if (SentenceLevel)
        {
            if (systemCount > 1)
            {
                throw new UserError("--sentence-level scores one system: give one --hyp");
            }
            if (Metrics.Count > 1)
            {
                throw new UserError($"--sentence-level takes one metric, got --metrics {string.Join(",", Metrics.Select(m => m.Name()))}");
            }
            if (Confidence)
            {
                throw new UserError("--confidence is not available with --sentence-level");
            }
            if (ReportDirectory is not null)
            {
                throw new UserError("--report is not available with --sentence-level (the report lists sentence scores itself)");
            }
        }
        if (ReportDirectory is not null && systemCount > 1)
        {
            throw new UserError("--report describes one system: give one --hyp");
        }
    }
}
