using Seq2Seq.Configuration;
using Seq2Seq.Data.Demo;
using Seq2Seq.Training;
using Seq2Seq.Workflow;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class DemoCommand : Verb
{
    private readonly Option<string?> outOption = CliOptions.Text("--out", "FOLDER", "the project folder");
    private readonly Option<int?> maxStepsOption = CliOptions.Int("--max-steps", "N", "stop training after N updates (a quick try; the demo's figures need the full run)", 1);
    private readonly Option<string?> configOption = CliOptions.Text("--config", "FILE", "another config to run the same way (its data and run paths are its own)");

    public DemoCommand() : base("demo", "train on the built-in demo corpus, translate its test split with beam search, report BLEU", """
        Runs the whole job on the built-in English->German demo corpus: trains the BiLSTM + Bahdanau
        attention model of the demo config (configs/demo.json, built into the program), translates the
        test split with beam search and scores it. Files go to a project folder: --out, else the
        repository when run inside a clone of it, else the working folder. The corpus is
        <project>/corpora/demo (generated there when it is missing: it is deterministic), and each
        run writes a new folder <project>/runs/demo, runs/demo-2, ...
        """)
    {
        Declare(outOption, maxStepsOption, configOption);
    }

    /// <summary>The demo config as built into the program (configs/demo.json).</summary>
    public static string BuiltInConfig()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream("Seq2Seq.Cli.demo.json")
            ?? throw new InvalidOperationException("the built-in demo config is missing from the program");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string? configPath = parse.GetValue(configOption);
        string? project = parse.GetValue(outOption);
        int? maxSteps = parse.GetValue(maxStepsOption);
        var loaded = configPath is not null ? ConfigLoader.Load(configPath) : BuiltIn(Path.GetFullPath(project ?? ProjectFolder.Find()), error);
        var config = loaded.Config;
        var training = config.Training with { RunDir = FreshDirectory(config.Training.RunDir!) };
        if (maxSteps is int steps) training = training with { MaxSteps = steps };
        loaded = loaded with { Config = config with { Training = training } };
        using var interruption = new Interruption();
        var result = Experiment.TrainAndTest(loaded, RunDirectory.Mode.New, error, interruption.Token);
        foreach (var line in result.SummaryLines()) output.WriteLine(line);
        return 0;
    }

    /// <summary>The built-in config, read as if it were &lt;project&gt;/configs/demo.json, with the corpus it names in place.</summary>
    private static LoadedConfig BuiltIn(string project, TextWriter log)
    {
        string corpus = ProjectFolder.DemoCorpus(project);
        if (!DemoCorpus.FileNames.All(f => File.Exists(Path.Combine(corpus, f))))
        {
            DemoCorpus.WriteTo(corpus);
            log.WriteLine($"generated the demo corpus in {corpus}");
        }
        return ConfigLoader.LoadFromText(BuiltInConfig(), Path.Combine(project, "configs", "demo.json"), "demo config (built in)");
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
