using Seq2Seq.Configuration;
using Seq2Seq.Decoding;
using Seq2Seq.Files;
using Seq2Seq.Terminal;
using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Seq2Seq.Cli.Commands;

public sealed class ScoreCommand : Verb
{
    private readonly Option<string[]> models = CliOptions.Models();
    private readonly Option<string?> sourceOption = CliOptions.Text("--src", "FILE", "source text", required: true);
    private readonly Option<string?> targetOption = CliOptions.Text("--trg", "FILE", "translations to score", required: true);
    private readonly Option<string?> outputOption = CliOptions.Text("--output", "FILE|-", "where the scores go (default: stdout); a file is written atomically");
    private readonly Option<bool> tokenScoresOption = CliOptions.Flag("--token-scores", "add a fourth column: each token with its log-probability, 'token:score' separated by spaces");
    private readonly Option<int?> batchTokensOption = CliOptions.BatchTokens();
    private readonly Option<int?> threadsOption = CliOptions.Threads("scoring");

    public ScoreCommand() : base("score", "score given translations with a trained model (forced decoding): log-probabilities and perplexity", """
        Reads source lines and their translations (raw text, one sentence per line, the same number of
        lines) and writes, for each pair, how probable the model finds the translation:
          log-probability <TAB> scored tokens (subwords + eos) <TAB> log-probability per token
        A line's score is the sum of the log-probabilities of its subword tokens and eos, feeding the
        given tokens (teacher forcing); a translation that greedy search produced scores its search
        score. The corpus total, per-token average and perplexity go to stderr.
        """)
    {
        Declare(models, sourceOption, targetOption, outputOption, tokenScoresOption, batchTokensOption, threadsOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        var models = parse.GetValue(this.models)!;
        string sourcePath = parse.GetValue(sourceOption)!;
        string targetPath = parse.GetValue(targetOption)!;
        string outputPath = parse.GetValue(outputOption) ?? "-";
        bool tokenScores = parse.GetValue(tokenScoresOption);
        int? batchTokens = parse.GetValue(batchTokensOption);
        int? threads = parse.GetValue(threadsOption);
        if (threads is int count) TorchSharp.torch.set_num_threads(count);

        var sources = TextFileReader.ReadLines(sourcePath);
        var targets = TextFileReader.ReadLines(targetPath);
        if (sources.Count != targets.Count)
        {
            throw new UserError($"{sourcePath} has {sources.Count:N0} lines but {targetPath} has {targets.Count:N0}: scoring needs one translation per source line");
        }
        using var translator = Translator.Load(models);
        using var interruption = new Interruption();
        var progress = new ProgressBar("score", sources.Count, "sent");
        var scored = translator.Score(sources, targets, batchTokens, progress,
            t => error.WriteLine($"warning: line {t.Line + 1}: the {(t.Target ? "translation" : "source")} has {t.Tokens} tokens; truncated to {t.Limit}"),
            interruption.Token);
        progress.Finish(sources.Count);
        string text = Format(scored, tokenScores);
        if (outputPath == "-") output.Write(text);
        else DurableFile.WriteAllText(outputPath, text);
        error.WriteLine(CorpusLine(scored));
        return 0;
    }

    private static string Format(IReadOnlyList<Translator.ScoredTranslation> scored, bool tokenScores)
    {
        var text = new StringBuilder();
        foreach (var s in scored)
        {
            text.Append(Invariant(s.LogProb)).Append('\t').Append(s.Length).Append('\t').Append(Invariant(s.LogProb / s.Length));
            if (tokenScores)
            {
                text.Append('\t').AppendJoin(' ', s.TokenLogProbs.Select((p, i) => $"{(i < s.Tokens.Count ? s.Tokens[i] : Tokenization.Vocabulary.EosToken)}:{Invariant(p)}"));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The corpus figures: total log-probability, per token, and perplexity exp(-per token).</summary>
    public static string CorpusLine(IReadOnlyList<Translator.ScoredTranslation> scored)
    {
        double total = scored.Sum(s => s.LogProb);
        long tokens = scored.Sum(s => (long)s.Length);
        double perToken = tokens == 0 ? 0 : total / tokens;
        return FormattableString.Invariant($"{scored.Count:N0} sentences, {tokens:N0} tokens (eos included): log-probability {total:F2}, per token {perToken:F4}, perplexity {Math.Exp(-perToken):F3}");
    }

    private static string Invariant(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
