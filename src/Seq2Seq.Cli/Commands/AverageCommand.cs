using Seq2Seq.Training;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class AverageCommand : Verb
{
    private readonly Argument<string[]> checkpoints = new("CHECKPOINT") { Description = "the checkpoint files to average (or --run DIR --last N)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> outputOption = CliOptions.Text("--output", "FILE", "the averaged model file", required: true);
    private readonly Option<string?> runOption = CliOptions.Text("--run", "DIR", "take checkpoints from the run folder DIR (its checkpoints/ folder) ...");
    private readonly Option<int?> lastOption = CliOptions.Int("--last", "N", "... the N with the highest step numbers", 1);

    public AverageCommand() : base("average", "average the parameters of several checkpoints into one model file", """
        Writes a model whose parameters are the elementwise mean of the given checkpoints' (config,
        tokenizers and vocabularies of the newest one; no optimizer state). The file is written
        atomically. All checkpoints must come from the same model (same shapes and vocabularies).
        """)
    {
        Declare(checkpoints, outputOption, runOption, lastOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string outputPath = parse.GetValue(outputOption)!;
        string? run = parse.GetValue(runOption);
        int? last = parse.GetValue(lastOption);
        var files = parse.GetValue(checkpoints) ?? [];
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
