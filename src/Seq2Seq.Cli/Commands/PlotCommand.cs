using Seq2Seq.Configuration;
using Seq2Seq.Plotting;
using Seq2Seq.Training;
using Seq2Seq.Workflow;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class PlotCommand : Verb
{
    private readonly Argument<string[]> runsArgument = new("RUN") { Description = "a run folder (holding metrics.jsonl) or a metrics.jsonl file", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> outputOption = CliOptions.Text("--output", "FILE.png", "the chart, written atomically", required: true);
    private readonly Option<string?> metricOption = CliOptions.OneOf("--metric", "the validation metric (default bleu)", Names<ValidationMetric>());
    private readonly Option<string?> axisOption = CliOptions.OneOf("--x", "the x axis (default minutes)", Names<ComparisonAxis>());
    private readonly Option<string[]> pointsOption = CliOptions.Repeated("--points", "NAME=FILE", "an extra series read from FILE: one 'x y' pair per line, '#' comments");
    private readonly Option<string?> titleOption = CliOptions.Text("--title", "TEXT", "the chart title (default: 'dev <metric> against <x>')");

    public PlotCommand() : base("plot", "draw the validation curves of several runs on one chart (PNG)", """
        Draws one validation metric of each run against wall-clock minutes since training started
        (or against updates), to compare experiments, or a run with another toolkit's curve.
        """)
    {
        Declare(runsArgument, outputOption, metricOption, axisOption, pointsOption, titleOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string outputPath = parse.GetValue(outputOption)!;
        var metric = Enum.Parse<ValidationMetric>(parse.GetValue(metricOption) ?? "bleu", ignoreCase: true);
        var axis = Enum.Parse<ComparisonAxis>(parse.GetValue(axisOption) ?? "minutes", ignoreCase: true);
        var pointFiles = parse.GetValue(pointsOption) ?? [];
        string? title = parse.GetValue(titleOption);
        var runs = parse.GetValue(runsArgument) ?? [];
        if (runs.Length == 0 && pointFiles.Length == 0) throw new UserError("missing runs: give one or more run folders (seq2seq plot --help)");

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

    private static string[] Names<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(name => name.ToLowerInvariant())];
}
