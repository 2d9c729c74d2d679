using System.Text.Json;
using Seq2Seq.Data;
using Seq2Seq.Evaluation;

namespace Seq2Seq.Cli.Commands;

public sealed class EvaluateCommand : ICommand
{
    public string Name => "evaluate";
    public string Summary => "score translations against references with sacreBLEU-exact BLEU and chrF";
    public string Usage => "--hyp FILE --ref FILE [--ref FILE ...] [--metrics bleu,chrf] [--tokenize 13a] [--lowercase] [--format text|json]";
    public string Help => """
        Prints corpus scores with their sacreBLEU signatures. Files are UTF-8, one segment per line;
        every reference file must have as many lines as the hypothesis file.
          --hyp FILE          the translations
          --ref FILE          a reference stream (repeat for several references)
          --metrics LIST      bleu, chrf, chrf++ (comma-separated; default bleu,chrf)
          --tokenize NAME     BLEU tokenizer: 13a (default), intl, char, zh, none
          --lowercase         case-insensitive scores
          --format F          text (default, as sacreBLEU prints) or json
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string hypPath = arguments.RequireOption("hyp");
        var refPaths = arguments.Options("ref");
        string metrics = arguments.Option("metrics") ?? "bleu,chrf";
        string tokenize = arguments.Option("tokenize") ?? "13a";
        bool lowercase = arguments.Flag("lowercase");
        string format = arguments.Option("format") ?? "text";
        arguments.RejectUnknown(0);
        if (refPaths.Count == 0) throw new UserError("missing --ref (seq2seq evaluate --help)");
        if (!BleuTokenizers.Names.Contains(tokenize)) throw new UserError($"--tokenize: unknown tokenizer '{tokenize}'; choose one of {string.Join(", ", BleuTokenizers.Names)}");
        if (format is not ("text" or "json")) throw new UserError($"--format: expected text or json, got '{format}'");

        var hypotheses = TextFileReader.ReadLines(hypPath);
        var references = new List<IReadOnlyList<string?>>();
        foreach (var path in refPaths)
        {
            var lines = TextFileReader.ReadLines(path);
            if (lines.Count != hypotheses.Count)
            {
                throw new UserError($"{path} has {lines.Count:N0} lines but {hypPath} has {hypotheses.Count:N0}: every reference needs one line per hypothesis");
            }
            references.Add(lines);
        }
        var results = new List<Dictionary<string, object?>>();
        foreach (var metric in metrics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (metric)
            {
                case "bleu":
                    var bleu = Bleu.Corpus(hypotheses, references, new BleuOptions { Tokenize = tokenize, Lowercase = lowercase });
                    if (format == "text") output.WriteLine(bleu.Format(withSignature: true));
                    results.Add(new()
                    {
                        ["name"] = "BLEU", ["score"] = bleu.Score, ["signature"] = bleu.Signature?.Format(),
                        ["counts"] = bleu.Counts, ["totals"] = bleu.Totals, ["precisions"] = bleu.Precisions,
                        ["bp"] = bleu.BrevityPenalty, ["sys_len"] = bleu.SysLen, ["ref_len"] = bleu.RefLen,
                    });
                    break;
                case "chrf":
                case "chrf++":
                    var options = (metric == "chrf" ? ChrfOptions.Chrf : ChrfOptions.ChrfPlusPlus) with { Lowercase = lowercase };
                    var chrf = Chrf.Corpus(hypotheses, references, options);
                    if (format == "text") output.WriteLine(chrf.Format(withSignature: true));
                    results.Add(new() { ["name"] = chrf.Name, ["score"] = chrf.Score, ["signature"] = chrf.Signature?.Format() });
                    break;
                default:
                    throw new UserError($"--metrics: unknown metric '{metric}'; choose from bleu, chrf, chrf++");
            }
        }
        if (format == "json") output.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
