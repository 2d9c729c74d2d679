using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Evaluation.Output;

/// <summary>What an <see cref="EvaluationReport"/> computes.</summary>
public sealed record EvaluationReportOptions
{
    /// <summary>Corpus BLEU settings (sacreBLEU corpus defaults). Sentence BLEU uses them with effective order on.</summary>
    public BleuOptions Bleu { get; init; } = BleuOptions.Corpus;

    /// <summary>chrF settings (chrF2 defaults).</summary>
    public ChrfOptions Chrf { get; init; } = ChrfOptions.Chrf;

    /// <summary>Bootstrap resamples for the confidence intervals (1,000).</summary>
    public int BootstrapSamples { get; init; } = BootstrapResampling.DefaultSamples;

    /// <summary>Bootstrap seed (12345, sacreBLEU's default).</summary>
    public ulong Seed { get; init; } = BootstrapResampling.DefaultSeed;

    /// <summary>How many worst and best sentences to list (20 each).</summary>
    public int ExtremeCount { get; init; } = 20;
}
