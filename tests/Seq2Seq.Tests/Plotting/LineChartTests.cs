using Seq2Seq.Plotting;
using SkiaSharp;

namespace Seq2Seq.Tests.Plotting;

public sealed class LineChartTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static ChartPanel[] TrainingPanels()
    {
        var train = Enumerable.Range(0, 200).Select(i => new ChartPoint(i * 50, 2 + 7 * Math.Exp(-i / 40.0) + (i % 7) * 0.05));
        var valid = Enumerable.Range(1, 10).Select(i => new ChartPoint(i * 1000, 2.3 + 6 * Math.Exp(-i / 4.0)));
        var bleu = Enumerable.Range(1, 10).Select(i => new ChartPoint(i * 1000, 30 * (1 - Math.Exp(-i / 3.0))));
        return
        [
            new ChartPanel("step", "loss", [new ChartSeries("train loss", train), new ChartSeries("valid loss", valid)], "Loss"),
            new ChartPanel("step", "BLEU", [new ChartSeries("valid BLEU", bleu)], "BLEU"),
        ];
    }

    [Fact]
    public void SideBySidePanelsGiveAValidPngOfTheExpectedSizeWithCurvesInSeriesColors()
    {
        var path = folder.File("curves.png");
        LineChart.Write(path, "Training", TrainingPanels());

        using var png = PngImage.Load(path);
        Assert.Equal(2 * LineChart.DefaultPanelWidth, png.Width);
        Assert.True(png.Height > LineChart.DefaultPanelHeight && png.Height < LineChart.DefaultPanelHeight + 80, $"height {png.Height}");
        Assert.True(png.DistinctColors() > 50);
        // Each of the three series is drawn in its own palette color.
        Assert.True(png.CountNear(new SKColor(0x1F, 0x77, 0xB4)) > 300, "train loss (blue) missing");
        Assert.True(png.CountNear(new SKColor(0xFF, 0x7F, 0x0E)) > 100, "valid loss (orange) missing");
        Assert.True(png.CountNear(new SKColor(0x2C, 0xA0, 0x2C)) > 100, "valid BLEU (green) missing");
    }

    [Fact]
    public void StackedPanelsAreOneColumn()
    {
        var path = folder.File("stacked.png");
        LineChart.Write(path, "Training", TrainingPanels(), PanelLayout.Stacked, 500, 300);

        using var png = PngImage.Load(path);
        Assert.Equal(500, png.Width);
        Assert.True(png.Height > 600 && png.Height < 680, $"height {png.Height}");
    }

    [Fact]
    public void SameInputGivesSameBytes()
    {
        LineChart.Write(folder.File("a.png"), "Training", TrainingPanels());
        LineChart.Write(folder.File("b.png"), "Training", TrainingPanels());
        Assert.Equal(File.ReadAllBytes(folder.File("a.png")), File.ReadAllBytes(folder.File("b.png")));
    }

    [Fact]
    public void EmptySeriesSinglePointNaNAndEmptyPanelsStillGiveACharts()
    {
        var path = folder.File("degenerate.png");
        LineChart.Write(path, "", [
            new ChartPanel("step", "loss", [new ChartSeries("empty", []), new ChartSeries("one", [new ChartPoint(5, 3.2)])]),
            new ChartPanel("x", "y", [new ChartSeries("gaps", [new(0, double.NaN), new(1, 2), new(2, double.PositiveInfinity), new(3, 4)])]),
            new ChartPanel("x", "y", []),
        ]);

        using var png = PngImage.Load(path);
        Assert.Equal(3 * LineChart.DefaultPanelWidth, png.Width);
        // The single point of "one" (second palette color) is drawn as a marker; the isolated points of "gaps" too.
        Assert.True(png.CountNear(new SKColor(0xFF, 0x7F, 0x0E)) >= 12, "single point not visible");
        Assert.True(png.CountNear(new SKColor(0x2C, 0xA0, 0x2C)) >= 24, "isolated points not visible");
    }

    [Fact]
    public void LabelsAreDrawnWhenAFontExistsAndOmittedWithout()
    {
        var withText = folder.File("text.png");
        var withoutText = folder.File("notext.png");
        LineChart.Write(withText, "Training", TrainingPanels(), PanelLayout.SideBySide, 640, 420, ChartText.Shared);
        LineChart.Write(withoutText, "Training", TrainingPanels(), PanelLayout.SideBySide, 640, 420, ChartText.None);

        using var text = PngImage.Load(withText);
        using var noText = PngImage.Load(withoutText);
        Assert.True(ChartText.Shared.HasFont);
        Assert.True(text.CountDark() > noText.CountDark() + 500, $"{text.CountDark()} vs {noText.CountDark()}");
    }

    [Fact]
    public void WritingOverAnExistingFileReplacesItAndLeavesNoTemporaryFiles()
    {
        var path = folder.File("curves.png");
        File.WriteAllText(path, "old");
        LineChart.Write(path, "Training", TrainingPanels());

        using var png = PngImage.Load(path);
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void MissingFolderIsCreated()
    {
        var path = Path.Combine(folder.Path, "nested", "deeper", "curves.png");
        LineChart.Write(path, "Training", TrainingPanels());
        using var png = PngImage.Load(path);
    }

    [Fact]
    public void NoPanelsOrTinyPanelsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => LineChart.Write(folder.File("x.png"), "t", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => LineChart.Write(folder.File("x.png"), "t", TrainingPanels(), PanelLayout.Stacked, 100, 400));
        Assert.Throws<ArgumentException>(() => new ChartSeries("s", [1.0, 2.0], [1.0]));
        Assert.False(File.Exists(folder.File("x.png")));
    }
}
