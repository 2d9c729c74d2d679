using Seq2Seq.Configuration;
using Seq2Seq.Training;
using Seq2Seq.Workflow;

namespace Seq2Seq.Cli.Commands;

public sealed class DemoCommand : ICommand
{
    public string Name => "demo";
    public string Summary => "train on the built-in demo corpus, translate its test split with beam search, report BLEU";
    public string Usage => "[--config configs/demo.json]";
    public string Help => """
        Runs the whole job on the built-in English->German demo corpus (corpora/demo): trains the
        BiLSTM + Bahdanau attention model of configs/demo.json, translates the test split with beam
        search and scores it. Each run writes a new folder runs/demo, runs/demo-2, ...
          --config FILE  another config to run the same way
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string? configPath = arguments.Option("config");
        arguments.RejectUnknown(0);
        configPath ??= Path.Combine(RepositoryRoot.Find(), "configs", "demo.json");
        var loaded = ConfigLoader.Load(configPath);
        var config = loaded.Config;
        loaded = loaded with { Config = config with { Training = config.Training with { RunDir = FreshDirectory(config.Training.RunDir!) } } };
        using var interruption = new Interruption();
        var result = Experiment.TrainAndTest(loaded, RunDirectory.Mode.New, error, interruption.Token);
        foreach (var line in result.SummaryLines()) output.WriteLine(line);
        return 0;
    }

    /// <summary>The run folder, or the first of folder-2, folder-3, ... that does not exist yet.</summary>
    private static string FreshDirectory(string path)
    {
        string candidate = path;
        for (int n = 2; Directory.Exists(candidate) && Directory.EnumerateFileSystemEntries(candidate).Any(); n++)
        {
            candidate = $"{path}-{n}";
        }
        return candidate;
    }
}
