using Seq2Seq.Cli;
using Seq2Seq.Configuration;
using Seq2Seq.Training;
using Seq2Seq.Workflow;

namespace Seq2Seq.Tests.Workflow;

/// <summary>Validation curves of several runs on one chart: reading metrics.jsonl and point files, and the plot verb.</summary>
public class ValidationComparisonTests
{
    private static string WriteRun(TempFolder folder, string name)
    {
        string run = folder.File(name);
        Directory.CreateDirectory(run);
        File.WriteAllLines(Path.Combine(run, "metrics.jsonl"),
        [
            """{"kind":"train","step":50,"loss":6.6,"elapsed_s":85.0}""",
            """{"kind":"validation","step":100,"loss":3.5,"perplexity":33.1,"bleu":12.5,"elapsed_s":180.0}""",
            "",
            """{"kind":"validation","step":200,"loss":"Infinity","perplexity":"NaN","bleu":20.25,"elapsed_s":390.0}""",
            """{"kind":"stopped","step":200,"reason":"reached 200 steps"}""",
        ]);
        return run;
    }

    [Fact]
    public void RunSeriesHoldsTheValidationRecordsAgainstMinutesOrSteps()
    {
        using var folder = new TempFolder();
        string run = WriteRun(folder, "de-en");

        var minutes = ValidationComparison.ReadRun(run, ValidationMetric.Bleu, ComparisonAxis.Minutes);
        Assert.Equal("de-en", minutes.Name);
        Assert.Equal([new(3.0, 12.5), new(6.5, 20.25)], minutes.Points);

        var steps = ValidationComparison.ReadRun(Path.Combine(run, "metrics.jsonl"), ValidationMetric.Loss, ComparisonAxis.Steps);
        Assert.Equal("de-en", steps.Name);
        Assert.Equal(100, steps.Points[0].X);
        Assert.Equal(3.5, steps.Points[0].Y);
        Assert.Equal(double.PositiveInfinity, steps.Points[1].Y);
    }

    [Fact]
    public void BadRunsGetOneMessageNamingTheFileAndLine()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("empty-run"));
        var e = Assert.Throws<UserError>(() => ValidationComparison.ReadRun(folder.File("empty-run"), ValidationMetric.Bleu, ComparisonAxis.Minutes));
        Assert.Contains("empty-run: no metrics.jsonl in this folder", e.Message);

        e = Assert.Throws<UserError>(() => ValidationComparison.ReadRun(folder.File("missing"), ValidationMetric.Bleu, ComparisonAxis.Minutes));
        Assert.Contains("missing: no such run folder or metrics file", e.Message);

        File.WriteAllText(folder.File("early.jsonl"), """{"kind":"train","step":50,"loss":6.6,"elapsed_s":85.0}""" + "\n");
        e = Assert.Throws<UserError>(() => ValidationComparison.ReadRun(folder.File("early.jsonl"), ValidationMetric.Bleu, ComparisonAxis.Minutes));
        Assert.Contains("early.jsonl: no validation records yet", e.Message);

        File.WriteAllText(folder.File("broken.jsonl"), """{"kind":"validation","step":100,"bleu":1,"elapsed_s":9}""" + "\n{\"kind\":\"valid\n");
        e = Assert.Throws<UserError>(() => ValidationComparison.ReadRun(folder.File("broken.jsonl"), ValidationMetric.Bleu, ComparisonAxis.Minutes));
        Assert.Contains("broken.jsonl:2: not a metrics record", e.Message);
    }

    [Fact]
    public void PointFilesTakeTabsSpacesCommasAndComments()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("joey.tsv"), "# minutes\tdev BLEU\n10\t4.4\n19 8.0  # second\n\n28,11.9\n");
        var series = ValidationComparison.ReadPoints(folder.File("joey.tsv"), "Joey NMT");
        Assert.Equal("Joey NMT", series.Name);
        Assert.Equal([new(10, 4.4), new(19, 8.0), new(28, 11.9)], series.Points);

        File.WriteAllText(folder.File("bad.tsv"), "10\t4.4\n19\tabc\n");
        var e = Assert.Throws<UserError>(() => ValidationComparison.ReadPoints(folder.File("bad.tsv"), "x"));
        Assert.Contains("bad.tsv:2: expected two numbers 'x y', got '19\tabc'", e.Message);
        e = Assert.Throws<UserError>(() => ValidationComparison.ReadPoints(folder.File("none.tsv"), "x"));
        Assert.Contains("none.tsv: no such file", e.Message);
    }

    [Fact]
    public void PlotVerbDrawsRunsAndPointsIntoOnePng()
    {
        using var folder = new TempFolder();
        string a = WriteRun(folder, "run-a");
        string b = WriteRun(folder, "run-b");
        File.WriteAllText(folder.File("joey.tsv"), "3 4.4\n6 8.0\n");
        string png = folder.File("compare.png");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(["plot", a, b, "--points", $"Joey NMT={folder.File("joey.tsv")}", "--output", png], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("run-a (2 points), run-b (2 points), Joey NMT (2 points)", output.ToString());
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

        error = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["plot", a, "--metric", "accuracy", "--output", png], new StringWriter(), error));
        Assert.Contains("--metric: expected bleu, loss or perplexity, got 'accuracy'", error.ToString());
        error = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["plot", a, "--points", "joey.tsv", "--output", png], new StringWriter(), error));
        Assert.Contains("--points: expected NAME=FILE, got 'joey.tsv'", error.ToString());
    }
}
