using Seq2Seq.Configuration;
using Seq2Seq.Data;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class PrepareCommand : Verb
{
    private readonly Argument<string> config = new("CONFIG") { Description = "the JSON config whose data to prepare" };
    private readonly Option<string[]> overrides = CliOptions.ConfigOverrides();

    public PrepareCommand() : base("prepare", "run the data pipeline alone and print corpus statistics",
        "Reads, normalizes, filters and tokenizes the config's corpora (learning the subword model), prints statistics and caches the result in the run folder (cache/), where train finds it.")
    {
        Declare(config, overrides);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string path = parse.GetValue(config)!;
        var loaded = ConfigLoader.Load(path, parse.GetValue(overrides));
        using var interruption = new Interruption();
        var corpus = PreparedCorpus.Prepare(loaded.Config, error, cacheFolder: Path.Combine(loaded.Config.Training.RunDir!, "cache"), cancel: interruption.Token);
        foreach (var line in CorpusStatistics.Describe(corpus)) output.WriteLine(line);
        return 0;
    }
}
