using Seq2Seq.Configuration;
using Seq2Seq.Plotting;
using Seq2Seq.Training;
using Seq2Seq.Workflow;

namespace Seq2Seq.Cli.Commands;

public sealed class PlotCommand : ICommand
{
    public string Name => "plot";
    public string Summary => "draw the validation curves of several runs on one chart (PNG)";
    public string Usage => "RUN [RUN ...] --output FILE.png [--metric bleu|loss|perplexity] [--x minutes|steps] [--points NAME=FILE ...] [--title TEXT]";
    public string Help => """
        Draws one validation metric of each run against wall-clock minutes since training started
        (or against updates), to compare experiments, or a run with another toolkit's curve.
          RUN                 a run folder (holding metrics.jsonl) or a metrics.jsonl file
          --output FILE.png   the chart, written atomically
          --metric M          bleu (default), loss or perplexity
          --x X               minutes (default) or steps
          --points NAME=FILE  an extra series read from FILE: one 'x y' pair per line, '#' comments
          --title TEXT        the chart title (default: 'dev <metric> against <x>')
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string outputPath = arguments.RequireOption("output");
        var metric = Parse<ValidationMetric>(arguments.Option("metric") ?? "bleu", "metric", "bleu, loss, perplexity");
        var axis = Parse<ComparisonAxis>(arguments.Option("x") ?? "minutes", "x", "minutes, steps");
        var pointFiles = arguments.Options("points");
        string? title = arguments.Option("title");
        var runs = arguments.Positional.ToArray();
        arguments.RejectUnknown(runs.Length);
        if (runs.Length == 0 && pointFiles.Count == 0) throw new UserError("missing runs: give one or more run folders (seq2seq plot --help)");

        var series = new List<ChartSeries>();
        foreach (string run in runs) series.Add(ValidationComparison.ReadRun(run, metric, axis));
        foreach (string spec in pointFiles)
        {
            int equals = spec.IndexOf('=');
            if (equals <= 0 || equals == spec.Length - 1) throw new UserError($"--points: expected NAME=FILE, got '{spec}'");
            series.Add(ValidationComparison.ReadPoints(spec[(equals + 1)..], spec[..equals]));
        }
        string metricName = metric.ToString().ToLowerInvariant();
        ValidationComparison.Draw(outputPath, title ?? $"dev {metricName} against {(axis == ComparisonAxis.Minutes ? "wall time" : "updates")}", series, metric, axis);
        output.WriteLine($"wrote {outputPath}: {string.Join(", ", series.Select(s => $"{s.Name} ({s.Points.Count} points)"))}");
        return 0;
    }

    private static T Parse<T>(string text, string option, string choices) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)
            ? value
            : throw new UserError($"--{option}: expected one of {choices}, got '{text}'");
}
