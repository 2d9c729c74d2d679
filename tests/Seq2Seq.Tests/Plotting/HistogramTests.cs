using Seq2Seq.Plotting;
using SkiaSharp;

namespace Seq2Seq.Tests.Plotting;

public sealed class HistogramTests : IDisposable
{
    private static readonly SKColor Bar = new(0x4C, 0x78, 0xA8);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static double[] Scores() => Enumerable.Range(0, 500).Select(i => (i * 37 % 101) * 0.6 + (i % 5) * 2.0).ToArray();

    [Fact]
    public void SentenceBleuHistogramIsAValidPngWithBars()
    {
        var path = folder.File("bleu.png");
        Histogram.Write(path, "Sentence BLEU", Scores(), "sentence BLEU", 20, 0, 100);

        using var png = PngImage.Load(path);
        Assert.Equal(Histogram.DefaultWidth, png.Width);
        Assert.Equal(Histogram.DefaultHeight, png.Height);
        Assert.True(png.CountNear(Bar, 4) > 20_000, "bars missing");
        Assert.True(png.DistinctColors() > 20);
    }

    [Fact]
    public void BinsAreHalfOpenWithTheLastClosedAndOutliersClamped()
    {
        var counts = Histogram.Count([0, 9.99, 10, 50, 99.9, 100, -5, 250, double.NaN, double.PositiveInfinity], 10, 0, 100);
        Assert.Equal([3, 1, 0, 0, 0, 1, 0, 0, 0, 3], counts);
    }

    [Fact]
    public void RangeDefaultsToTheDataAndWidensAZeroWidthRange()
    {
        Assert.Equal((2.0, 7.0), Histogram.Range([5, 2, 7], null, null));
        Assert.Equal((0.0, 100.0), Histogram.Range([5, 2, 7], 0, 100));
        Assert.Equal((41.5, 42.5), Histogram.Range([42], null, null));
        Assert.Equal((0.0, 1.0), Histogram.Range([], null, null));
    }

    [Fact]
    public void TallestBinIsTheTallestBar()
    {
        var path = folder.File("skewed.png");
        // 4 bins over [0, 4): counts 1, 2, 8, 1.
        double[] values = [0.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3.5];
        Histogram.Write(path, "skewed", values, "score", 4, 0, 4);

        using var png = PngImage.Load(path);
        var heights = new int[4];
        // Column through the middle of each bin: measure the bar height in pixels.
        var left = Enumerable.Range(0, png.Width).First(x => ColumnBar(png, x) > 0);
        var right = Enumerable.Range(0, png.Width).Last(x => ColumnBar(png, x) > 0);
        for (var bin = 0; bin < 4; bin++)
            heights[bin] = ColumnBar(png, left + (int)((right - left) * (bin + 0.5) / 4));
        Assert.True(heights[2] > 3 * heights[1], string.Join(",", heights));
        Assert.True(heights[1] > heights[0] * 1.5, string.Join(",", heights));
        Assert.InRange(heights[3], heights[0] - 2, heights[0] + 2);
    }

    private static int ColumnBar(PngImage png, int x)
    {
        var count = 0;
        for (var y = 0; y < png.Height; y++)
        {
            var c = png.Bitmap.GetPixel(x, y);
            if (Math.Abs(c.Red - Bar.Red) <= 4 && Math.Abs(c.Green - Bar.Green) <= 4 && Math.Abs(c.Blue - Bar.Blue) <= 4)
                count++;
        }
        return count;
    }

    [Fact]
    public void SameInputGivesSameBytes()
    {
        Histogram.Write(folder.File("a.png"), "BLEU", Scores(), "sentence BLEU", 25, 0, 100);
        Histogram.Write(folder.File("b.png"), "BLEU", Scores(), "sentence BLEU", 25, 0, 100);
        Assert.Equal(File.ReadAllBytes(folder.File("a.png")), File.ReadAllBytes(folder.File("b.png")));
    }

    [Fact]
    public void EmptyOneValueAndNaNOnlyInputsStillGiveACharts()
    {
        Histogram.Write(folder.File("empty.png"), "empty", [], "score", 10, 0, 100);
        Histogram.Write(folder.File("one.png"), "one", [42], "score", 1);
        Histogram.Write(folder.File("nan.png"), "nan", [double.NaN, double.NaN], "score");
        using var empty = PngImage.Load(folder.File("empty.png"));
        using var one = PngImage.Load(folder.File("one.png"));
        using var nan = PngImage.Load(folder.File("nan.png"));
        Assert.Equal(0, empty.CountNear(Bar, 4));
        Assert.True(one.CountNear(Bar, 4) > 10_000, "the single bin fills the plot width");
        Assert.Equal(0, nan.CountNear(Bar, 4));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.Write(folder.File("x.png"), "t", [1.0], "s", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.Write(folder.File("x.png"), "t", [1.0], "s", 10, width: 10));
        Assert.False(File.Exists(folder.File("x.png")));
    }
}
