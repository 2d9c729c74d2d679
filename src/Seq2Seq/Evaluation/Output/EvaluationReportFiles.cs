namespace Seq2Seq.Evaluation.Output;

/// <summary>The files of a written evaluation report.</summary>
/// <param name="JsonPath">report.json.</param>
/// <param name="MarkdownPath">report.md.</param>
/// <param name="HistogramPath">sentence-bleu.png.</param>
public sealed record EvaluationReportFiles(string JsonPath, string MarkdownPath, string HistogramPath);
