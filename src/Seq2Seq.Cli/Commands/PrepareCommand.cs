using Seq2Seq.Configuration;
using Seq2Seq.Data;

namespace Seq2Seq.Cli.Commands;

public sealed class PrepareCommand : ICommand
{
    public string Name => "prepare";
    public string Summary => "run the data pipeline alone and print corpus statistics";
    public string Usage => "CONFIG";
    public string Help => "Reads, normalizes, filters and tokenizes the config's corpora (learning the subword model), prints statistics and caches the result in the run folder (cache/), where train finds it.";

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string path = arguments.RequirePositional(0, "CONFIG");
        arguments.RejectUnknown(1);
        var loaded = ConfigLoader.Load(path);
        using var interruption = new Interruption();
        var corpus = PreparedCorpus.Prepare(loaded.Config, error, cacheFolder: Path.Combine(loaded.Config.Training.RunDir!, "cache"), cancel: interruption.Token);
        foreach (var line in CorpusStatistics.Describe(corpus)) output.WriteLine(line);
        return 0;
    }
}
