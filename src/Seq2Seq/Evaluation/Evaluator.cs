using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Output;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Evaluation;

/// <summary>
/// What the <c>evaluate</c> verb does, as sacreBLEU's command line: corpus scores (optionally with bootstrap
/// confidence intervals), sentence-level scores, or paired bootstrap tests of several systems against the first,
/// printed as text or JSON (<see cref="SacreBleuOutput"/>), plus an optional evaluation report with a histogram.
/// </summary>
public static class Evaluator
{
    /// <summary>Scores, prints and (when asked) writes the report. Returns the report's files, if any.</summary>
    /// <exception cref="UserError">Invalid settings for the input (see <see cref="EvaluationSettings.Validate"/>).</exception>
    public static EvaluationReportFiles? Run(EvaluationInput input, EvaluationSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        settings.Validate(input.Systems.Count);
        if (input.Sources is not null && settings.ReportDirectory is null)
        {
            throw new UserError("--src is only used by --report (it shows the sources of the best and worst sentences)");
        }

        var hypotheses = input.Systems[0].Lines;
        if (settings.SentenceLevel)
        {
            foreach (var result in SentenceScores(hypotheses, input.References, settings))
            {
                output.WriteLine(settings.Json
                    ? SacreBleuOutput.Json(result, settings.Width, indented: false)
                    : result.Format(settings.Width));
            }
            return null;
        }
        if (input.Systems.Count > 1)
        {
            var comparison = Compare(input.Systems, input.References, settings);
            output.Write(settings.Json ? SacreBleuOutput.PairedJson(comparison) : SacreBleuOutput.PairedText(comparison, settings.Width));
            return null;
        }

        var results = CorpusScores(hypotheses, input.References, settings);
        output.WriteLine(settings.Json ? SacreBleuOutput.Json(results, settings.Width) : SacreBleuOutput.Text(results, settings.Width));
        if (settings.ReportDirectory is null)
        {
            return null;
        }
        var report = EvaluationReport.Create(hypotheses, input.ReferenceStreams, input.Sources, ReportOptions(settings));
        var files = EvaluationReportWriter.WriteWithHistogram(report, settings.ReportDirectory);
        if (!settings.Json)
        {
            output.WriteLine($"report: {files.MarkdownPath}");
        }
        return files;
    }

    /// <summary>Corpus scores of one system, with bootstrap intervals when <see cref="EvaluationSettings.Confidence"/>
    /// is set (the signature then gains <c>bs:N|seed:S</c>).</summary>
    public static IReadOnlyList<MetricResult> CorpusScores(IReadOnlyList<string> hypotheses, ReferenceSet references,
        EvaluationSettings settings)
    {
        var results = new List<MetricResult>();
        string nrefs = references.NumberOfReferences;
        foreach (var kind in settings.Metrics)
        {
            var metric = settings.Create(kind);
            var stats = metric.SegmentStatistics(hypotheses, references);
            BootstrapEstimate? estimate = settings.Confidence
                ? BootstrapResampling.Estimate(metric, stats, nrefs, settings.BootstrapSamples, settings.Seed)
                : null;
            results.Add(metric.CorpusResult(stats, nrefs, estimate?.Signature, estimate?.Interval));
        }
        return results;
    }

    /// <summary>The score of every segment with the (single) metric of the settings, as sacreBLEU's
    /// <c>--sentence-level</c>: BLEU with effective order on; each segment's nrefs is its own reference count.</summary>
    public static IReadOnlyList<MetricResult> SentenceScores(IReadOnlyList<string> hypotheses, ReferenceSet references,
        EvaluationSettings settings)
    {
        return settings.CreateForSentences(settings.Metrics[0]).SentenceResults(hypotheses, references);
    }

    /// <summary>Paired bootstrap tests of systems 2..n against system 1 for every metric, with one shared resample
    /// matrix (the same seed) as sacreBLEU's <c>--paired-bs</c>.</summary>
    public static PairedComparison Compare(IReadOnlyList<(string Path, IReadOnlyList<string> Lines)> systems,
        ReferenceSet references, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(systems);
        if (systems.Count < 2)
        {
            throw new ArgumentException("A paired test needs at least two systems.", nameof(systems));
        }
        var metrics = new List<PairedMetricComparison>();
        string nrefs = references.NumberOfReferences;
        foreach (var kind in settings.Metrics)
        {
            var metric = settings.Create(kind);
            var baselineStats = metric.SegmentStatistics(systems[0].Lines, references);
            var results = new List<PairedBootstrapResult>();
            foreach (var system in systems.Skip(1))
            {
                var systemStats = metric.SegmentStatistics(system.Lines, references);
                results.Add(PairedBootstrap.Test(metric, baselineStats, systemStats, nrefs, settings.BootstrapSamples,
                    settings.Seed));
            }
            var first = results[0];
            metrics.Add(new PairedMetricComparison(metric.Name, first.Signature, first.BaselineScore,
                first.BaselineInterval, results));
        }
        return new PairedComparison(systems.Select(s => s.Path).ToList(), metrics, settings.BootstrapSamples, settings.Seed);
    }

    /// <summary>The report settings that go with evaluation settings: the same BLEU options, the first chrF metric
    /// asked for (chrF2 when none), the same resampling.</summary>
    public static EvaluationReportOptions ReportOptions(EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var chrfKind = settings.Metrics.FirstOrDefault(m => m != EvaluationMetric.Bleu, EvaluationMetric.Chrf);
        return new EvaluationReportOptions
        {
            Bleu = settings.Bleu with { EffectiveOrder = false },
            Chrf = settings.ChrfOptionsFor(chrfKind),
            BootstrapSamples = settings.BootstrapSamples,
            Seed = settings.Seed,
        };
    }
}
