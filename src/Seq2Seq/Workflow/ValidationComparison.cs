using Seq2Seq.Configuration;
using Seq2Seq.Plotting;
using Seq2Seq.Training;
using System.Globalization;

namespace Seq2Seq.Workflow;

/// <summary>What the x axis of a <see cref="ValidationComparison"/> counts.</summary>
public enum ComparisonAxis { Minutes, Steps }

/// <summary>
/// One validation metric (dev BLEU, loss or perplexity) of several runs on one chart, against
/// wall-clock minutes since training started or against updates: the way to compare experiments,
/// or a run with another toolkit's published curve (<see cref="ReadPoints"/>).
/// </summary>
public static class ValidationComparison
{
    /// <summary>
    /// The validation records of a run: <paramref name="runOrMetrics"/> is a run folder (holding
    /// metrics.jsonl) or a metrics.jsonl file. The series is named after the run folder.
    /// </summary>
    public static ChartSeries ReadRun(string runOrMetrics, ValidationMetric metric, ComparisonAxis axis)
    {
        string path = Directory.Exists(runOrMetrics) ? new RunDirectory(runOrMetrics).Metrics : runOrMetrics;
        if (!File.Exists(path))
        {
            throw new UserError(Directory.Exists(runOrMetrics)
                ? $"{runOrMetrics}: no metrics.jsonl in this folder (is it a run folder?)"
                : $"{runOrMetrics}: no such run folder or metrics file");
        }
        var points = MetricsLog.Read(path)
            .Select(r => r.Record)
            .OfType<ValidationRecord>()
            .Select(v => new ChartPoint(axis == ComparisonAxis.Minutes ? v.ElapsedS / 60 : v.Step, v.Value(metric)))
            .ToList();
        if (points.Count == 0) throw new UserError($"{path}: no validation records yet");
        return new ChartSeries(RunName(runOrMetrics, path), points);
    }

    /// <summary>
    /// Points from a text file, one "x y" pair per line (separated by a tab, spaces or a comma),
    /// with '#' starting a comment: e.g. another toolkit's dev BLEU at given minutes.
    /// </summary>
    public static ChartSeries ReadPoints(string path, string name)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: no such file");
        var points = new List<ChartPoint>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            int hash = raw.IndexOf('#');
            string line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0) continue;
            var fields = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
            {
                throw new UserError($"{path}:{lineNumber}: expected two numbers 'x y', got '{raw}'");
            }
            points.Add(new ChartPoint(x, y));
        }
        if (points.Count == 0) throw new UserError($"{path}: no points");
        return new ChartSeries(name, points);
    }

    /// <summary>Draws the series into one panel and writes the PNG atomically.</summary>
    public static void Draw(string pngPath, string title, IReadOnlyList<ChartSeries> series, ValidationMetric metric, ComparisonAxis axis)
    {
        string xTitle = axis == ComparisonAxis.Minutes ? "minutes since training started" : "update";
        string yTitle = metric switch
        {
            ValidationMetric.Bleu => "dev BLEU",
            ValidationMetric.Loss => "dev loss per target token",
            _ => "dev perplexity",
        };
        LineChart.Write(pngPath, title, [new ChartPanel(xTitle, yTitle, series)]);
    }

    private static string RunName(string argument, string metricsPath)
    {
        string folder = Directory.Exists(argument) ? argument : Path.GetDirectoryName(Path.GetFullPath(metricsPath))!;
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
    }
}
