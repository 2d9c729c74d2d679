using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;
using Seq2Seq.Evaluation.Tokenizers;

namespace Seq2Seq.Cli.Commands;

public sealed class EvaluateCommand : ICommand
{
    public string Name => "evaluate";
    public string Summary => "score translations against references with sacreBLEU-exact BLEU and chrF";
    public string Usage => "--hyp FILE [--hyp FILE2 ...] --ref FILE [--ref FILE ...] [--metrics bleu,chrf,chrf++] [--tokenize 13a] " +
        "[--lowercase] [--smooth exp|floor|add-k|none] [--smooth-value V] [--sentence-level] [--confidence] [--bootstrap N] " +
        "[--width N] [--format text|json] [--report DIR [--src FILE]]";
    public string Help => """
        Prints scores with their sacreBLEU 2.6.0 signatures, as sacreBLEU's command line prints them.
        Files are UTF-8 (or .gz), one segment per line; all must have the same number of lines.
          --hyp FILE          the translations; a second --hyp runs a paired bootstrap test of it
                              against the first (the baseline), as sacreBLEU's --paired-bs
          --ref FILE          a reference stream (repeat for several references)
          --metrics LIST      bleu, chrf, chrf++ (comma-separated; default bleu,chrf; printed in that order)
          --tokenize NAME     BLEU tokenizer: 13a (default), intl, char, zh, none
          --lowercase         case-insensitive BLEU and chrF
          --smooth METHOD     BLEU smoothing: exp (default), floor, add-k, none
          --smooth-value V    value for floor (default 0.1) or add-k (default 1)
          --sentence-level    one score line per segment (one metric; default bleu, effective order on)
          --confidence        95% bootstrap interval, printed as (μ = mean ± half-width)
          --bootstrap N       resamples for --confidence and the paired test (default 1000, at most 100000; seed 12345)
          --width N           decimals of printed scores (default 1, as sacreBLEU; at most 10)
          --format F          text (default) or json (sacreBLEU's fields plus the exact figures)
          --report DIR        also write report.md, report.json and sentence-bleu.png into DIR
          --src FILE          sources shown beside the report's best and worst sentences
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var hypPaths = arguments.Options("hyp");
        var refPaths = arguments.Options("ref");
        string? metricsText = arguments.Option("metrics");
        string tokenize = arguments.Option("tokenize") ?? "13a";
        bool lowercase = arguments.Flag("lowercase");
        string? smooth = arguments.Option("smooth");
        double? smoothValue = arguments.Double("smooth-value", min: 0, max: 1000);
        bool sentenceLevel = arguments.Flag("sentence-level");
        bool confidence = arguments.Flag("confidence");
        int samples = arguments.Int("bootstrap", min: 1, max: BootstrapResampling.MaxSamples) ?? BootstrapResampling.DefaultSamples;
        int width = arguments.Int("width", min: 0, max: 10) ?? 1;
        string format = arguments.Option("format") ?? "text";
        string? report = arguments.Option("report");
        string? source = arguments.Option("src");
        arguments.RejectUnknown(0);

        if (hypPaths.Count == 0) throw new UserError("missing --hyp (seq2seq evaluate --help)");
        if (refPaths.Count == 0) throw new UserError("missing --ref (seq2seq evaluate --help)");
        if (!BleuTokenizers.Names.Contains(tokenize)) throw new UserError($"--tokenize: unknown tokenizer '{tokenize}'; choose one of {string.Join(", ", BleuTokenizers.Names)}");
        if (format is not ("text" or "json")) throw new UserError($"--format: expected text or json, got '{format}'");
        var smoothing = BleuSmoothing.Exp;
        if (smooth is not null)
        {
            try { smoothing = BleuSmoothingInfo.Parse(smooth); }
            catch (ArgumentException) { throw new UserError($"--smooth: unknown smoothing method '{smooth}'; choose one of exp, floor, add-k, none"); }
        }
        if (smoothValue is not null && smooth is null) throw new UserError("--smooth-value needs --smooth floor or --smooth add-k");
        if (smoothValue is not null && smoothing.DefaultValue() is null) throw new UserError($"--smooth-value: smoothing '{smooth}' takes no value (only floor and add-k do)");
        if (source is not null && report is null) throw new UserError("--src is only used by --report (it shows the sources of the best and worst sentences)");

        var settings = new EvaluationSettings
        {
            // --sentence-level scores one metric, so it defaults to BLEU alone.
            Metrics = EvaluationMetrics.Parse(metricsText ?? (sentenceLevel ? "bleu" : "bleu,chrf")),
            Bleu = BleuOptions.Corpus with { Tokenize = tokenize, Lowercase = lowercase, Smoothing = smoothing, SmoothValue = smoothValue },
            ChrfLowercase = lowercase,
            SentenceLevel = sentenceLevel,
            Confidence = confidence,
            BootstrapSamples = samples,
            Width = width,
            Json = format == "json",
            ReportDirectory = report,
        };
        settings.Validate(hypPaths.Count);
        var input = EvaluationInput.Load(hypPaths, refPaths, source);
        if (input.ReferenceStreams.All(stream => stream.All(string.IsNullOrWhiteSpace)))
        {
            error.WriteLine($"warning: every line of {string.Join(" and ", refPaths)} is empty: the scores below compare against nothing and mean nothing");
        }
        Evaluator.Run(input, settings, output);
        return 0;
    }
}
