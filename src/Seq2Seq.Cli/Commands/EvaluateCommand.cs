using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;
using Seq2Seq.Evaluation.Tokenizers;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class EvaluateCommand : Verb
{
    private readonly Option<string[]> hyps = CliOptions.Repeated("--hyp", "FILE",
        "the translations; a second --hyp runs a paired bootstrap test of it against the first (the baseline), as sacreBLEU's --paired-bs", required: true);
    private readonly Option<string[]> refs = CliOptions.Repeated("--ref", "FILE", "a reference stream (repeat for several references)", required: true);
    private readonly Option<string?> metricsOption = CliOptions.Text("--metrics", "LIST", "bleu, chrf, chrf++ (comma-separated; default bleu,chrf; printed in that order)");
    private readonly Option<string?> tokenizeOption = CliOptions.OneOf("--tokenize", "BLEU tokenizer (default 13a)", [.. BleuTokenizers.Names]);
    private readonly Option<bool> lowercaseOption = CliOptions.Flag("--lowercase", "case-insensitive BLEU and chrF");
    private readonly Option<string?> smoothOption = CliOptions.OneOf("--smooth", "BLEU smoothing (default exp)",
        [.. Enum.GetValues<BleuSmoothing>().Select(method => method.Name())]);
    private readonly Option<double?> smoothValueOption = CliOptions.Number("--smooth-value", "V", "value for floor (default 0.1) or add-k (default 1)", 0, 1000);
    private readonly Option<bool> sentenceLevelOption = CliOptions.Flag("--sentence-level", "one score line per segment (one metric; default bleu, effective order on)");
    private readonly Option<bool> confidenceOption = CliOptions.Flag("--confidence", "95% bootstrap interval, printed as (μ = mean ± half-width)");
    private readonly Option<int?> bootstrapOption = CliOptions.Int("--bootstrap", "N",
        $"resamples for --confidence and the paired test (default {BootstrapResampling.DefaultSamples}, at most {BootstrapResampling.MaxSamples}; seed 12345)", 1, BootstrapResampling.MaxSamples);
    private readonly Option<int?> widthOption = CliOptions.Int("--width", "N", "decimals of printed scores (default 1, as sacreBLEU; at most 10)", 0, 10);
    private readonly Option<string?> formatOption = CliOptions.OneOf("--format", "text (default) or json (sacreBLEU's fields plus the exact figures)", "text", "json");
    private readonly Option<string?> reportOption = CliOptions.Text("--report", "DIR", "also write report.md, report.json and sentence-bleu.png into DIR");
    private readonly Option<string?> sourceOption = CliOptions.Text("--src", "FILE", "sources shown beside the report's best and worst sentences");

    public EvaluateCommand() : base("evaluate", "score translations against references with sacreBLEU-exact BLEU and chrF", """
        Prints scores with their sacreBLEU 2.6.0 signatures, as sacreBLEU's command line prints them.
        Files are UTF-8 (or .gz), one segment per line; all must have the same number of lines.
        """)
    {
        Declare(hyps, refs, metricsOption, tokenizeOption, lowercaseOption, smoothOption, smoothValueOption, sentenceLevelOption,
            confidenceOption, bootstrapOption, widthOption, formatOption, reportOption, sourceOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        var hypPaths = parse.GetValue(hyps)!;
        var refPaths = parse.GetValue(refs)!;
        string? metricsText = parse.GetValue(metricsOption);
        string tokenize = parse.GetValue(tokenizeOption) ?? "13a";
        bool lowercase = parse.GetValue(lowercaseOption);
        string? smooth = parse.GetValue(smoothOption);
        double? smoothValue = parse.GetValue(smoothValueOption);
        bool sentenceLevel = parse.GetValue(sentenceLevelOption);
        bool confidence = parse.GetValue(confidenceOption);
        int samples = parse.GetValue(bootstrapOption) ?? BootstrapResampling.DefaultSamples;
        int width = parse.GetValue(widthOption) ?? 1;
        string format = parse.GetValue(formatOption) ?? "text";
        string? report = parse.GetValue(reportOption);
        string? source = parse.GetValue(sourceOption);
        var smoothing = smooth is null ? BleuSmoothing.Exp : BleuSmoothingInfo.Parse(smooth);
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
        settings.Validate(hypPaths.Length);
        var input = EvaluationInput.Load(hypPaths, refPaths, source);
        if (input.ReferenceStreams.All(stream => stream.All(string.IsNullOrWhiteSpace)))
        {
            error.WriteLine($"warning: every line of {string.Join(" and ", refPaths)} is empty: the scores below compare against nothing and mean nothing");
        }
        Evaluator.Run(input, settings, output);
        return 0;
    }
}
