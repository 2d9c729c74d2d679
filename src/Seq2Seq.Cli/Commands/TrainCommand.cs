using Seq2Seq.Configuration;
using Seq2Seq.Training;
using Seq2Seq.Workflow;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class TrainCommand : Verb
{
    private readonly Argument<string> config = new("CONFIG") { Description = "the JSON config of the run" };
    private readonly Option<string[]> overrides = CliOptions.ConfigOverrides();
    private readonly Option<bool> resumeOption = CliOptions.Flag("--resume",
        "continue the run in the run folder from its last checkpoint (exactly: the config may change only in keys that " +
        "say how long to go on or how to report, e.g. training.max_steps); a run stopped before its first checkpoint starts over");
    private readonly Option<bool> overwriteOption = CliOptions.Flag("--overwrite",
        "delete the run's own files in the run folder (checkpoints, metrics, curves, test translations, report, attention, " +
        "cache) and start over; only in a folder that training made new or empty (seq2seq-run.json), never the config or data");

    public TrainCommand() : base("train", "train a model from a JSON config, then translate and score its test split", """
        Trains the model the config describes. Outputs go to the run folder (training.run_dir, default
        runs/<name>): checkpoints (best.ckpt, last.ckpt, checkpoints/), metrics.jsonl, the test
        translations and the evaluation report.
        Without --resume or --overwrite, an existing run is never touched: the command refuses. One
        run at a time holds a run folder (run.lock): a second train into it is refused.
        Ctrl+C (or SIGTERM) finishes the current update, writes last.ckpt and exits with 130 (143);
        --resume then continues exactly where it stopped. A second Ctrl+C ends the program at once.
        """)
    {
        Declare(config, overrides, resumeOption, overwriteOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        bool resume = parse.GetValue(resumeOption), overwrite = parse.GetValue(overwriteOption);
        string path = parse.GetValue(config)!;
        if (resume && overwrite) throw new UserError("--resume and --overwrite exclude each other");
        var sets = parse.GetValue(overrides) ?? [];
        var loaded = ConfigLoader.Load(path, sets);
        var mode = resume ? RunDirectory.Mode.Resume : overwrite ? RunDirectory.Mode.Overwrite : RunDirectory.Mode.New;
        using var interruption = new Interruption();
        ExperimentResult result;
        try
        {
            result = Experiment.TrainAndTest(loaded, mode, error, interruption.Token);
        }
        catch (TrainingInterruptedException e)
        {
            var again = string.Concat(sets.Select(s => $" --set {Shell.Quote(s)}"));
            error.WriteLine($"seq2seq train: {e.Message}; continue with: seq2seq train {Shell.Quote(path)}{again} --resume");
            return Interruption.ExitCode;
        }
        foreach (var line in result.SummaryLines()) output.WriteLine(line);
        return 0;
    }
}
