using Seq2Seq.Configuration;
using Seq2Seq.Training;
using Seq2Seq.Workflow;

namespace Seq2Seq.Cli.Commands;

public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "train a model from a JSON config, then translate and score its test split";
    public string Usage => "CONFIG [--resume | --overwrite]";
    public string Help => """
        Trains the model the config describes. Outputs go to the run folder (training.run_dir, default
        runs/<name>): checkpoints (best.ckpt, last.ckpt, checkpoints/), metrics.jsonl, the test
        translations and the evaluation report.
          --resume     continue the run in the run folder from its last checkpoint (exactly: the config
                       may change only in keys that say how long to go on or how to report, e.g.
                       training.max_steps); a run stopped before its first checkpoint starts over
          --overwrite  delete the run's own files in the run folder (checkpoints, metrics, curves,
                       test translations, report, attention, cache) and start over; only in a folder
                       that training made new or empty (seq2seq-run.json), never the config or data
        Without either, an existing run is never touched: the command refuses. One run at a time
        holds a run folder (run.lock): a second train into it is refused.
        Ctrl+C (or SIGTERM) finishes the current update, writes last.ckpt and exits with 130 (143);
        --resume then continues exactly where it stopped. A second Ctrl+C ends the program at once.
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        bool resume = arguments.Flag("resume"), overwrite = arguments.Flag("overwrite");
        string path = arguments.RequirePositional(0, "CONFIG");
        arguments.RejectUnknown(1);
        if (resume && overwrite) throw new UserError("--resume and --overwrite exclude each other");
        var loaded = ConfigLoader.Load(path);
        var mode = resume ? RunDirectory.Mode.Resume : overwrite ? RunDirectory.Mode.Overwrite : RunDirectory.Mode.New;
        using var interruption = new Interruption();
        ExperimentResult result;
        try
        {
            result = Experiment.TrainAndTest(loaded, mode, error, interruption.Token);
        }
        catch (TrainingInterruptedException e)
        {
            error.WriteLine($"seq2seq train: {e.Message}; continue with: seq2seq train {path} --resume");
            return Interruption.ExitCode;
        }
        foreach (var line in result.SummaryLines()) output.WriteLine(line);
        return 0;
    }
}
