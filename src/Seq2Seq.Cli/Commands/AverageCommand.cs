using Seq2Seq.Training;

namespace Seq2Seq.Cli.Commands;

public sealed class AverageCommand : ICommand
{
    public string Name => "average";
    public string Summary => "average the parameters of several checkpoints into one model file";
    public string Usage => "--output FILE (CHECKPOINT... | --run DIR --last N)";
    public string Help => """
        Writes a model whose parameters are the elementwise mean of the given checkpoints' (config,
        tokenizers and vocabularies of the newest one; no optimizer state). The file is written
        atomically. All checkpoints must come from the same model (same shapes and vocabularies).
          --output FILE   the averaged model file
          --run DIR       take checkpoints from the run folder DIR (its checkpoints/ folder) ...
          --last N        ... the N with the highest step numbers
          CHECKPOINT...   or name the checkpoint files
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string outputPath = arguments.RequireOption("output");
        string? run = arguments.Option("run");
        int? last = arguments.Int("last", 1);
        var files = arguments.Positional.ToArray();
        arguments.RejectUnknown(files.Length);
        IReadOnlyList<string> inputs;
        if (run is not null)
        {
            if (files.Length > 0) throw new UserError("give either checkpoint files or --run DIR --last N, not both");
            inputs = CheckpointAverager.LastOfRun(run, last ?? throw new UserError("--run needs --last N"));
        }
        else
        {
            if (last is not null) throw new UserError("--last needs --run DIR");
            if (files.Length == 0) throw new UserError("missing checkpoints: give the files, or --run DIR --last N (seq2seq average --help)");
            inputs = files;
        }
        string newest = CheckpointAverager.Average(inputs, outputPath);
        output.WriteLine($"averaged {inputs.Count} checkpoints into {outputPath} (config and vocabularies of {newest})");
        foreach (var input in inputs) error.WriteLine($"  {input}");
        return 0;
    }
}
