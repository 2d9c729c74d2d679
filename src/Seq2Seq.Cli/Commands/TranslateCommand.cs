using Seq2Seq.Configuration;
using Seq2Seq.Decoding;
using Seq2Seq.Files;
using Seq2Seq.Terminal;
using System.CommandLine;
using System.Text;

namespace Seq2Seq.Cli.Commands;

public sealed class TranslateCommand : Verb
{
    private readonly Option<string[]> models = CliOptions.Models();
    private readonly Option<string?> inputOption = CliOptions.Text("--input", "FILE|-",
        "input text (default: stdin, translated as lines arrive: each output line is written and flushed as soon as it " +
        "is decoded, so translate works in a pipe or typed at a terminal; a file is decoded in sorted batches)");
    private readonly Option<string?> outputOption = CliOptions.Text("--output", "FILE|-", "output (default: stdout); a file is written atomically");
    private readonly Option<int?> beam = CliOptions.Int("--beam", "K", "beam size (default: the model's decoding.beam_size); 1 is greedy", 1, DecodingConfig.MaxBeamSize);
    private readonly Option<double?> alpha = CliOptions.Number("--alpha", "A", "length penalty, 0 to 10 (default: decoding.length_penalty)", 0, 10);
    private readonly Option<int?> batchTokens = CliOptions.BatchTokens();
    private readonly Option<int?> nbest = CliOptions.Int("--nbest", "K", "write the K best translations of each line as 'line ||| text ||| score'", 1, DecodingConfig.MaxBeamSize);
    private readonly Option<string?> alignments = CliOptions.Text("--alignments", "FILE", "write each sentence's attention matrix and hard alignment as JSON lines");
    private readonly Option<string?> plots = CliOptions.Text("--attention-plots", "DIR", "draw each sentence's attention as a PNG heatmap in DIR");
    private readonly Option<int?> threads = CliOptions.Threads("decoding");
    private readonly Option<bool> sample = CliOptions.Flag("--sample",
        "sample each translation from the model instead of searching (as decoding.sampling; e.g. for back-translation)");
    private readonly Option<int?> topK = CliOptions.Int("--top-k", "K", "sampling: draw from the K most probable tokens (default: decoding.sampling_top_k; 0: all)", 0, 1_000_000);
    private readonly Option<double?> topP = CliOptions.Number("--top-p", "P", "sampling: nucleus, draw from the most probable tokens that reach probability P (default: decoding.sampling_top_p)", 0, 1);
    private readonly Option<double?> temperature = CliOptions.Number("--temperature", "T", "sampling: temperature, > 0 (default: decoding.sampling_temperature)", 0, 100);
    private readonly Option<long?> seed = new("--seed") { Description = "sampling: seed of the draws (default: decoding.sampling_seed)", HelpName = "N" };

    public TranslateCommand() : base("translate", "translate a text file (or stdin) with a trained model", """
        Reads raw text, one sentence per line, applies the model's own normalization and tokenizer,
        and writes detokenized translations, exactly one line per input line, in input order.
        Progress goes to stderr; stdout carries only translations.
        """)
    {
        Declare(models, inputOption, outputOption, beam, alpha, batchTokens, nbest, alignments, plots, threads, sample, topK, topP, temperature, seed);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        var models = parse.GetValue(this.models)!;
        string input = parse.GetValue(inputOption) ?? "-";
        string outputPath = parse.GetValue(outputOption) ?? "-";
        int nbest = parse.GetValue(this.nbest) ?? 1;
        string? alignments = parse.GetValue(this.alignments);
        string? plots = parse.GetValue(this.plots);
        if (parse.GetValue(threads) is int count) TorchSharp.torch.set_num_threads(count);

        var lines = input == "-" ? null : TextFileReader.ReadLines(input);
        using var translator = Translator.Load(models);
        var options = translator.DefaultOptions with
        {
            BeamSize = Math.Max(parse.GetValue(beam) ?? translator.Config.Decoding.BeamSize, nbest),
            LengthPenalty = parse.GetValue(alpha) ?? translator.Config.Decoding.LengthPenalty,
            NBest = nbest,
            KeepAttention = alignments is not null || plots is not null || translator.Config.Decoding.ReplaceUnknown,
        };
        options = options with { Sampling = Sampling(parse, options.Sampling, translator.Config.Decoding) };
        if (options.Sampling is not null && nbest > 1) throw new UserError("--nbest needs search; sampling draws one translation per line");
        var sink = new TranslationSink(outputPath == "-" ? output : null, nbest, keepResults: alignments is not null || plots is not null);
        void Warn(Translator.Truncation t) => error.WriteLine($"warning: line {t.Line + 1} has {t.Tokens} tokens; truncated to {t.Limit}");
        using var interruption = new Interruption();
        if (lines is null)
        {
            var reader = new LineReader(Console.OpenStandardInput(), "standard input");
            translator.TranslateStream(reader, options, sink.Write, parse.GetValue(batchTokens), Warn, interruption.Token);
        }
        else
        {
            var progress = new ProgressBar("translate", lines.Count, "sent");
            sink.Write(0, translator.TranslateDetailed(lines, options, parse.GetValue(batchTokens), progress, Warn, interruption.Token));
            progress.Finish(lines.Count);
        }
        if (outputPath != "-") DurableFile.WriteAllText(outputPath, sink.Text);
        if (alignments is not null) AttentionOutput.WriteAlignments(alignments, sink.Results);
        if (plots is not null) AttentionOutput.WritePlots(plots, sink.Results);
        return 0;
    }

    /// <summary>The sampling settings: the model's decoding.sampling* keys, overridden by --sample, --top-k, --top-p, --temperature, --seed.</summary>
    private SamplingOptions? Sampling(ParseResult parse, SamplingOptions? configured, DecodingConfig decoding)
    {
        bool on = parse.GetValue(sample) || configured is not null;
        if (!on)
        {
            if (new Option[] { topK, topP, temperature, seed }.FirstOrDefault(o => parse.GetResult(o) is not null) is { } given)
                throw new UserError($"{given.Name} is a sampling setting: add --sample (or decoding.sampling in the config)");
            return null;
        }
        foreach (var option in new[] { topP, temperature })
            if (parse.GetValue(option) is <= 0) throw new UserError($"{option.Name}: expected a number > 0, got {parse.GetValue(option)}");
        return new SamplingOptions
        {
            TopK = parse.GetValue(topK) ?? decoding.SamplingTopK,
            TopP = parse.GetValue(topP) ?? decoding.SamplingTopP,
            Temperature = parse.GetValue(temperature) ?? decoding.SamplingTemperature,
            Seed = parse.GetValue(seed) ?? decoding.SamplingSeed,
        };
    }

    /// <summary>
    /// Where translations go as they are decoded: straight to standard output (flushed after each
    /// group, so a pipe or a terminal gets each line as soon as it is translated), or gathered for a
    /// file that is written whole at the end (nothing half-written if the run stops).
    /// </summary>
    private sealed class TranslationSink(TextWriter? stream, int nbest, bool keepResults)
    {
        private readonly StringBuilder text = new();
        private readonly List<Translator.Result> results = [];

        public string Text => text.ToString();
        public IReadOnlyList<Translator.Result> Results => results;

        public void Write(int first, IReadOnlyList<Translator.Result> group)
        {
            int start = text.Length;
            for (int i = 0; i < group.Count; i++) Append(first + i, group[i]);
            if (keepResults) results.AddRange(group);
            if (stream is null) return;
            stream.Write(text.ToString(start, text.Length - start));
            stream.Flush();
            text.Clear();
        }

        private void Append(int line, Translator.Result result)
        {
            if (nbest <= 1)
            {
                text.Append(result.Text).Append('\n');
                return;
            }
            foreach (var (t, _, h) in result.NBest)
            {
                text.Append(line).Append(" ||| ").Append(t).Append(" ||| ")
                    .Append(h.Score.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }
}
