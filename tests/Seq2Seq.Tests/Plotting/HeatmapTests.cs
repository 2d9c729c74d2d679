using Seq2Seq.Plotting;

namespace Seq2Seq.Tests.Plotting;

public sealed class HeatmapTests : IDisposable
{
    private static readonly string[] Source = ["▁Die", "▁Katze", "▁saß", "▁über", "▁der", "▁Straße", "."];
    private static readonly string[] Target = ["▁Le", "▁chat", "▁était", "▁assis", "▁près", "▁d'", "▁ici", "."];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static float[,] Weights(int rows, int columns)
    {
        var w = new float[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                w[i, j] = (float)Math.Exp(-Math.Abs(i - j) * 2.0);
        return w;
    }

    [Fact]
    public void LargestWeightCellIsDarkerThanSmallestAndMatchesTheLayout()
    {
        var path = folder.File("attention.png");
        var weights = Weights(Target.Length, Source.Length);
        weights[2, 5] = 0; // smallest
        weights[6, 1] = 1; // largest, away from the diagonal
        Heatmap.Write(path, "Attention", Source, Target, weights);

        var layout = HeatmapLayout.Create(ChartText.Shared, "Attention", Source, Target);
        using var png = PngImage.Load(path);
        Assert.Equal(layout.Width, png.Width);
        Assert.Equal(layout.Height, png.Height);
        var dark = png.Bitmap.GetPixel((int)layout.Cell(6, 1).MidX, (int)layout.Cell(6, 1).MidY);
        var light = png.Bitmap.GetPixel((int)layout.Cell(2, 5).MidX, (int)layout.Cell(2, 5).MidY);
        Assert.True(PngImage.Luminance(dark) < PngImage.Luminance(light) - 150, $"{dark} vs {light}");
        // A cell of weight 0.5 lies strictly between.
        weights[0, 0] = 0.5f;
        Heatmap.Write(path, "Attention", Source, Target, weights);
        using var again = PngImage.Load(path);
        var middle = again.Bitmap.GetPixel((int)layout.Cell(0, 0).MidX, (int)layout.Cell(0, 0).MidY);
        Assert.InRange(PngImage.Luminance(middle), PngImage.Luminance(dark) + 20, PngImage.Luminance(light) - 20);
    }

    [Fact]
    public void TokenLabelsAreDrawn()
    {
        var withText = folder.File("text.png");
        var withoutText = folder.File("notext.png");
        var weights = Weights(Target.Length, Source.Length);
        Heatmap.Write(withText, "Attention", Source, Target, weights, false, ChartText.Shared);
        Heatmap.Write(withoutText, "Attention", Source, Target, weights, false, ChartText.None);

        using var text = PngImage.Load(withText);
        using var noText = PngImage.Load(withoutText);
        Assert.True(text.CountDark() > noText.CountDark() + 300, $"{text.CountDark()} vs {noText.CountDark()}");
    }

    [Fact]
    public void TheFontsRenderTheLettersOfTheTokens()
    {
        Assert.True(ChartText.Shared.HasFont);
        using var font = new SkiaSharp.SKFont(ChartFonts.Shared[0], 12);
        Assert.True(font.ContainsGlyphs("äöüßÄÖÜéèêàçčřšžťďňůěý▁…"), $"{ChartFonts.Shared[0].FamilyName} lacks glyphs");
    }

    [Fact]
    public void LongSourceTokensAreRotatedAndShortOnesAreNot()
    {
        var shortTokens = HeatmapLayout.Create(ChartText.Shared, "", ["a", "b"], ["x"]);
        var longTokens = HeatmapLayout.Create(ChartText.Shared, "", ["▁Donaudampfschifffahrt", "b"], ["x"]);
        Assert.False(shortTokens.RotatedSourceLabels);
        Assert.True(longTokens.RotatedSourceLabels);
        var veryLong = HeatmapLayout.Create(ChartText.Shared, "", [new string('x', 500)], [new string('y', 500)]);
        Assert.EndsWith("…", veryLong.SourceLabels[0]);
        var longTitle = HeatmapLayout.Create(ChartText.Shared, new string('T', 1000), ["a"], ["b"]);
        Assert.EndsWith("…", longTitle.Title);
        Assert.InRange(longTitle.Width, 600, 900);
        Assert.True(ChartText.Shared.Width(veryLong.TargetLabels[0], veryLong.TokenFontSize) <= HeatmapLayout.MaxLabelWidth);
    }

    [Fact]
    public void SameInputGivesSameBytes()
    {
        var weights = Weights(Target.Length, Source.Length);
        Heatmap.Write(folder.File("a.png"), "Attention", Source, Target, weights, showValues: true);
        Heatmap.Write(folder.File("b.png"), "Attention", Source, Target, weights, showValues: true);
        Assert.Equal(File.ReadAllBytes(folder.File("a.png")), File.ReadAllBytes(folder.File("b.png")));
    }

    [Fact]
    public void OneByOneMatrixIsOneColoredCell()
    {
        var path = folder.File("one.png");
        Heatmap.Write(path, "1×1", ["▁Hallo"], ["▁Hello"], new float[,] { { 1f } });

        var layout = HeatmapLayout.Create(ChartText.Shared, "1×1", ["▁Hallo"], ["▁Hello"]);
        using var png = PngImage.Load(path);
        var cell = layout.Cell(0, 0);
        var center = png.Bitmap.GetPixel((int)cell.MidX, (int)cell.MidY);
        Assert.Equal(ColorScale.At(1), center);
        Assert.True(png.Height >= HeatmapLayout.MinColorBarHeight);
    }

    [Fact]
    public void EmptyMatrixNaNAndOutOfRangeWeightsStillGiveAChart()
    {
        Heatmap.Write(folder.File("empty.png"), "empty", [], [], new float[0, 0]);
        using (PngImage.Load(folder.File("empty.png")))
        {
        }

        var path = folder.File("odd.png");
        Heatmap.Write(path, "odd", ["a", "b"], ["c"], new float[,] { { float.NaN, 7f } });
        var layout = HeatmapLayout.Create(ChartText.Shared, "odd", ["a", "b"], ["c"]);
        using var png = PngImage.Load(path);
        var clamped = png.Bitmap.GetPixel((int)layout.Cell(0, 1).MidX, (int)layout.Cell(0, 1).MidY);
        Assert.Equal(ColorScale.At(1), clamped);
        var missing = png.Bitmap.GetPixel((int)layout.Cell(0, 0).Left + 3, (int)layout.Cell(0, 0).Top + 3);
        Assert.Equal(ColorScale.Missing, missing);
    }

    [Fact]
    public void MismatchedShapeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Heatmap.Write(folder.File("x.png"), "t", ["a", "b"], ["c"], new float[2, 2]));
        Assert.False(File.Exists(folder.File("x.png")));
    }

    [Fact]
    public void ColorScaleGetsDarkerMonotonically()
    {
        var previous = double.MaxValue;
        for (var v = 0.0; v <= 1.0; v += 0.05)
        {
            var luminance = PngImage.Luminance(ColorScale.At(v));
            Assert.True(luminance < previous, $"not darker at {v}");
            previous = luminance;
        }
        Assert.Equal(ColorScale.At(0), ColorScale.At(-3));
    }
}
