using Seq2Seq.Evaluation.Compatibility;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;
using Seq2Seq.Files;
using Seq2Seq.Plotting;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Seq2Seq.Evaluation.Output;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as <c>report.json</c> (machine-readable, every figure) and
/// <c>report.md</c> (for people) into a folder, each file atomically (temp file in the same folder, then move).
/// </summary>
public static class EvaluationReportWriter
{
    /// <summary>File name of the JSON report.</summary>
    public const string JsonFileName = "report.json";

    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>File name of the histogram of sentence BLEU.</summary>
    public const string HistogramFileName = "sentence-bleu.png";

    /// <summary>
    /// Writes the whole report into <paramref name="directory"/> (created if needed): report.json, report.md and a
    /// PNG histogram of sentence BLEU (20 bins over 0-100), each file atomically. This is what both the training
    /// workflow and the <c>evaluate</c> verb write.
    /// </summary>
    public static EvaluationReportFiles WriteWithHistogram(EvaluationReport report, string directory,
        string histogramTitle = "Sentence BLEU")
    {
        var (json, markdown) = Write(report, directory);
        string histogram = Path.Combine(directory, HistogramFileName);
        Histogram.Write(histogram, histogramTitle, report.SentenceBleuScores, "sentence BLEU", binCount: 20, min: 0,
            max: 100);
        return new EvaluationReportFiles(json, markdown, histogram);
    }

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed); returns their paths.</summary>
    public static (string JsonPath, string MarkdownPath) Write(EvaluationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string jsonPath = Path.Combine(directory, JsonFileName);
        string markdownPath = Path.Combine(directory, MarkdownFileName);
        DurableFile.WriteAllText(jsonPath, ToJson(report));
        DurableFile.WriteAllText(markdownPath, ToMarkdown(report));
        return (jsonPath, markdownPath);
    }

    /// <summary>The JSON document (UTF-8 text, indented, non-ASCII kept as is).</summary>
    public static string ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteString("sacrebleu_version", MetricSignature.SacreBleuVersion);
            w.WriteNumber("segments", report.Lengths.Segments);

            WriteBleu(w, report.Bleu, report.BleuBootstrap);
            WriteChrf(w, report.Chrf, report.ChrfBootstrap);
            WriteLengths(w, report.Lengths);

            WriteNumbers(w, "sentence_bleu", report.SentenceBleuScores);
            WriteNumbers(w, "sentence_chrf", report.SentenceChrfScores);
            WriteSentences(w, "worst", report.Worst);
            WriteSentences(w, "best", report.Best);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteBleu(Utf8JsonWriter w, BleuScore b, BootstrapEstimate bootstrap)
    {
        w.WriteStartObject("bleu");
        w.WriteNumber("score", b.Score);
        w.WriteString("text", b.Format());
        w.WriteString("signature", b.Signature?.Format() ?? "");
        w.WriteString("signature_short", b.Signature?.Format(shortForm: true) ?? "");
        WriteNumbers(w, "counts", b.Counts);
        WriteNumbers(w, "totals", b.Totals);
        WriteNumbers(w, "precisions", b.Precisions);
        w.WriteNumber("bp", b.BrevityPenalty);
        w.WriteNumber("ratio", b.Ratio);
        w.WriteNumber("sys_len", b.SysLen);
        w.WriteNumber("ref_len", b.RefLen);
        WriteConfidence(w, bootstrap);
        w.WriteEndObject();
    }

    private static void WriteChrf(Utf8JsonWriter w, ChrfScore c, BootstrapEstimate bootstrap)
    {
        w.WriteStartObject("chrf");
        w.WriteString("name", c.Name);
        w.WriteNumber("score", c.Score);
        w.WriteString("text", c.Format());
        w.WriteString("signature", c.Signature?.Format() ?? "");
        w.WriteString("signature_short", c.Signature?.Format(shortForm: true) ?? "");
        WriteNumbers(w, "stats", c.Statistics.Select(x => (double)x).ToList());
        WriteConfidence(w, bootstrap);
        w.WriteEndObject();
    }

    private static void WriteLengths(Utf8JsonWriter w, LengthStatistics l)
    {
        w.WriteStartObject("lengths");
        w.WriteNumber("segments", l.Segments);
        w.WriteNumber("empty_hypotheses", l.EmptyHypotheses);
        w.WriteNumber("hypothesis_tokens", l.HypothesisTokens);
        w.WriteNumber("reference_tokens", l.ReferenceTokens);
        w.WriteNumber("ratio", l.Ratio);
        w.WriteNumber("mean_hypothesis_tokens", l.MeanHypothesisTokens);
        w.WriteNumber("mean_reference_tokens", l.MeanReferenceTokens);
        w.WriteNumber("max_hypothesis_tokens", l.MaxHypothesisTokens);
        w.WriteNumber("max_reference_tokens", l.MaxReferenceTokens);
        w.WriteEndObject();
    }

    private static void WriteConfidence(Utf8JsonWriter w, BootstrapEstimate e)
    {
        w.WriteStartObject("confidence");
        w.WriteNumber("mean", e.Interval.Mean);
        w.WriteNumber("half_width", e.Interval.HalfWidth);
        w.WriteNumber("lower", e.Interval.Lower);
        w.WriteNumber("upper", e.Interval.Upper);
        w.WriteNumber("samples", e.Interval.Samples);
        w.WriteNumber("seed", e.Interval.Seed);
        w.WriteString("signature", e.Signature.Format());
        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }
        w.WriteEndArray();
    }

    private static void WriteSentences(Utf8JsonWriter w, string name, IReadOnlyList<ScoredSentence> sentences)
    {
        w.WriteStartArray(name);
        foreach (var s in sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            w.WriteNumber("bleu", s.Bleu);
            w.WriteNumber("chrf", s.Chrf);
            w.WriteNumber("hyp_len", s.HypothesisLength);
            w.WriteNumber("ref_len", s.ReferenceLength);
            if (s.Source is null)
            {
                w.WriteNull("source");
            }
            else
            {
                w.WriteString("source", s.Source);
            }
            w.WriteStartArray("references");
            foreach (string r in s.References)
            {
                w.WriteStringValue(r);
            }
            w.WriteEndArray();
            w.WriteString("hypothesis", s.Hypothesis);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The Markdown document.</summary>
    public static string ToMarkdown(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var b = report.Bleu;
        var c = report.Chrf;
        sb.Append("# Evaluation report\n\n");
        sb.Append("Scored like sacreBLEU ").Append(MetricSignature.SacreBleuVersion).Append(", ")
            .Append(report.Lengths.Segments.ToString(CultureInfo.InvariantCulture)).Append(" segments.\n\n");

        sb.Append("| Metric | Score | 95% CI (bootstrap) | Signature |\n|---|---:|---|---|\n");
        AppendMetricRow(sb, b.Name, b.Score, report.BleuBootstrap);
        AppendMetricRow(sb, c.Name, c.Score, report.ChrfBootstrap);
        sb.Append('\n');
        // As sacreBLEU prints with --confidence: the signature gains bs:N|seed:S and the score μ ± half-width.
        sb.Append("```\n")
            .Append((b with { Signature = report.BleuBootstrap.Signature })
                .Format(withSignature: true, confidence: report.BleuBootstrap.Interval)).Append('\n')
            .Append((c with { Signature = report.ChrfBootstrap.Signature })
                .Format(withSignature: true, confidence: report.ChrfBootstrap.Interval)).Append("\n```\n\n");

        sb.Append("## N-gram precisions\n\n| n | Matches | Total | Precision (%) |\n|---:|---:|---:|---:|\n");
        for (int n = 0; n < b.Precisions.Count; n++)
        {
            sb.Append("| ").Append((n + 1).ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(Number(b.Counts[n]))
                .Append(" | ").Append(Number(b.Totals[n]))
                .Append(" | ").Append(PythonFormat.Fixed(b.Precisions[n], 2)).Append(" |\n");
        }
        sb.Append("\nBrevity penalty ").Append(PythonFormat.Fixed(b.BrevityPenalty, 3))
            .Append(", length ratio ").Append(PythonFormat.Fixed(b.Ratio, 3)).Append(".\n\n");

        var l = report.Lengths;
        sb.Append("## Lengths (BLEU tokens)\n\n| | Hypotheses | References (closest) |\n|---|---:|---:|\n");
        sb.Append("| Total | ").Append(l.HypothesisTokens.ToString(CultureInfo.InvariantCulture)).Append(" | ")
            .Append(l.ReferenceTokens.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        sb.Append("| Mean per segment | ").Append(PythonFormat.Fixed(l.MeanHypothesisTokens, 2)).Append(" | ")
            .Append(PythonFormat.Fixed(l.MeanReferenceTokens, 2)).Append(" |\n");
        sb.Append("| Longest | ").Append(l.MaxHypothesisTokens.ToString(CultureInfo.InvariantCulture)).Append(" | ")
            .Append(l.MaxReferenceTokens.ToString(CultureInfo.InvariantCulture)).Append(" |\n\n");
        sb.Append("Ratio ").Append(PythonFormat.Fixed(l.Ratio, 3)).Append("; empty hypotheses: ")
            .Append(l.EmptyHypotheses.ToString(CultureInfo.InvariantCulture)).Append(".\n\n");

        AppendSentences(sb, $"Worst {report.Worst.Count} sentences by sentence BLEU", report.Worst);
        AppendSentences(sb, $"Best {report.Best.Count} sentences by sentence BLEU", report.Best);
        return sb.ToString();
    }

    private static void AppendMetricRow(StringBuilder sb, string name, double score, BootstrapEstimate e)
    {
        sb.Append("| ").Append(name).Append(" | ").Append(PythonFormat.Fixed(score, 2)).Append(" | ")
            .Append(e.Interval.Format()).Append(" [").Append(PythonFormat.Fixed(e.Interval.Lower, 2)).Append(", ")
            .Append(PythonFormat.Fixed(e.Interval.Upper, 2)).Append("] | `").Append(e.Signature.Format())
            .Append("` |\n");
    }

    private static void AppendSentences(StringBuilder sb, string title, IReadOnlyList<ScoredSentence> sentences)
    {
        sb.Append("## ").Append(title).Append("\n\n");
        if (sentences.Count == 0)
        {
            sb.Append("(none)\n\n");
            return;
        }
        foreach (var s in sentences)
        {
            sb.Append("### Line ").Append((s.Index + 1).ToString(CultureInfo.InvariantCulture))
                .Append(" — BLEU ").Append(PythonFormat.Fixed(s.Bleu, 2))
                .Append(", chrF ").Append(PythonFormat.Fixed(s.Chrf, 2)).Append("\n\n");
            if (s.Source is not null)
            {
                sb.Append("- **Source:** ").Append(Escape(s.Source)).Append('\n');
            }
            for (int r = 0; r < s.References.Count; r++)
            {
                sb.Append(s.References.Count == 1 ? "- **Reference:** " : $"- **Reference {r + 1}:** ")
                    .Append(Escape(s.References[r])).Append('\n');
            }
            sb.Append("- **Hypothesis:** ").Append(Escape(s.Hypothesis)).Append("\n\n");
        }
    }

    /// <summary>Makes arbitrary text safe inside a Markdown list item: markup characters are backslash-escaped,
    /// HTML is neutralised, line breaks are shown as ⏎ so one segment stays on one line, and an empty text is shown
    /// as "(empty)".</summary>
    internal static string Escape(string text)
    {
        if (text.Length == 0)
        {
            return "*(empty)*";
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~':
                    sb.Append('\\').Append(ch);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    sb.Append(" ⏎ ");
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
