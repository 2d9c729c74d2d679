using Seq2Seq.Configuration;
using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Output;

namespace Seq2Seq.Workflow;

/// <summary>
/// Scores test translations (BLEU and chrF, sacreBLEU-exact, with bootstrap intervals) and writes
/// the evaluation report (report.json, report.md) and a histogram of sentence BLEU (sentence-bleu.png)
/// with <see cref="EvaluationReportWriter.WriteWithHistogram"/>, as the evaluate verb's --report does.
/// </summary>
public static class TestEvaluation
{
    public const string HistogramFileName = EvaluationReportWriter.HistogramFileName;

    public sealed record Outcome(double Bleu, string Line, string ReportPath);

    public static Outcome Evaluate(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, IReadOnlyList<string>? sources,
        EvaluationConfig config, string reportFolder)
    {
        var options = new EvaluationReportOptions
        {
            Bleu = BleuOptions.Corpus with { Tokenize = config.Tokenize, Lowercase = config.Lowercase },
            Chrf = ChrfOptions.Chrf with { Lowercase = config.Lowercase },
        };
        var report = EvaluationReport.Create(hypotheses, [references], sources, options);
        var files = EvaluationReportWriter.WriteWithHistogram(report, reportFolder, "Sentence BLEU on the test set");
        // As sacreBLEU prints scores with a confidence interval: the signature names the resampling.
        var bleu = report.Bleu with { Signature = report.BleuBootstrap.Signature };
        var chrf = report.Chrf with { Signature = report.ChrfBootstrap.Signature };
        string line = bleu.Format(withSignature: true, confidence: report.BleuBootstrap.Interval) + "\n" +
                      chrf.Format(withSignature: true, confidence: report.ChrfBootstrap.Interval);
        return new Outcome(report.Bleu.Score, line, files.MarkdownPath);
    }
}
