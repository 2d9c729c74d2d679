using Seq2Seq.Configuration;
using System.Text;
using Seq2Seq.Decoding;
using Seq2Seq.Files;
using Seq2Seq.Reporting;

namespace Seq2Seq.Cli.Commands;

public sealed class TranslateCommand : ICommand
{
    public string Name => "translate";
    public string Summary => "translate a text file (or stdin) with a trained model";
    public string Usage => "--model MODEL [--model MODEL ...] [--input FILE|-] [--output FILE|-] [--beam 5] [--alpha 1.0] [--batch-tokens N] [--nbest K] [--alignments FILE] [--attention-plots DIR] [--threads N]";
    public string Help => """
        Reads raw text, one sentence per line, applies the model's own normalization and tokenizer,
        and writes detokenized translations, exactly one line per input line, in input order.
        Progress goes to stderr; stdout carries only translations.
          --model FILE        a checkpoint (runs/<name>/best.ckpt) or exported model (seq2seq export);
                              give it several times to decode with an ensemble that averages the
                              models' log-probabilities (they must share the target vocabulary)
          --input FILE|-      input text (default: stdin)
          --output FILE|-     output (default: stdout); a file is written atomically
          --beam K            beam size (default: the model's decoding.beam_size); 1 is greedy
          --alpha A           length penalty, 0 to 10 (default: decoding.length_penalty)
          --batch-tokens N    source tokens per batch (default: decoding.batch_tokens)
          --nbest K           write the K best translations of each line as 'line ||| text ||| score'
          --alignments FILE   write each sentence's attention matrix and hard alignment as JSON lines
          --attention-plots DIR  draw each sentence's attention as a PNG heatmap in DIR
          --threads N         CPU threads for decoding (default: all cores)
        """;

    /// <summary>More threads than this is a typo, not a machine.</summary>
    public const int MaxThreads = 1024;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var models = arguments.Options("model");
        if (models.Count == 0) throw new UserError("missing --model (seq2seq translate --help)");
        string input = arguments.Option("input") ?? "-";
        string outputPath = arguments.Option("output") ?? "-";
        int? beam = arguments.Int("beam", 1, DecodingConfig.MaxBeamSize);
        double? alpha = arguments.Double("alpha", 0, 10);
        int? batchTokens = arguments.Int("batch-tokens", 1, DecodingConfig.MaxBatchTokens);
        int nbest = arguments.Int("nbest", 1, DecodingConfig.MaxBeamSize) ?? 1;
        string? alignments = arguments.Option("alignments");
        string? plots = arguments.Option("attention-plots");
        int? threads = arguments.Int("threads", 1, MaxThreads);
        arguments.RejectUnknown(0);
        if (threads is int count) TorchSharp.torch.set_num_threads(count);

        IReadOnlyList<string> lines = input == "-"
            ? Seq2Seq.Files.TextFileReader.ReadLines(Console.OpenStandardInput(), "standard input")
            : Seq2Seq.Files.TextFileReader.ReadLines(input);
        using var translator = Translator.Load(models);
        var options = translator.DefaultOptions with
        {
            BeamSize = Math.Max(beam ?? translator.Config.Decoding.BeamSize, nbest),
            LengthPenalty = alpha ?? translator.Config.Decoding.LengthPenalty,
            NBest = nbest,
            KeepAttention = alignments is not null || plots is not null || translator.Config.Decoding.ReplaceUnknown,
        };
        var progress = new ProgressBar("translate", lines.Count, "sent");
        var results = translator.TranslateDetailed(lines, options, batchTokens, progress,
            t => error.WriteLine($"warning: line {t.Line + 1} has {t.Tokens} tokens; truncated to {t.Limit}"));
        var text = new StringBuilder();
        for (int i = 0; i < results.Count; i++)
        {
            if (nbest <= 1) text.Append(results[i].Text).Append('\n');
            else foreach (var (t, _, h) in results[i].NBest)
                {
                    text.Append(i).Append(" ||| ").Append(t).Append(" ||| ").Append(h.Score.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
        }
        if (outputPath == "-") output.Write(text.ToString());
        else DurableFile.WriteAllText(outputPath, text.ToString());
        if (alignments is not null) AttentionOutput.WriteAlignments(alignments, results);
        if (plots is not null) AttentionOutput.WritePlots(plots, results);
        return 0;
    }
}
