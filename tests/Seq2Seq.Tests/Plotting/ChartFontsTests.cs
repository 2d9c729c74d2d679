using Seq2Seq.Plotting;
using SkiaSharp;

namespace Seq2Seq.Tests.Plotting;

public sealed class ChartFontsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EnvironmentFontComesFirst()
    {
        var paths = ChartFonts.CandidatePaths("/opt/fonts/My.ttf");
        Assert.Equal("/opt/fonts/My.ttf", paths[0]);
        Assert.Contains("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", paths);
        Assert.DoesNotContain("", ChartFonts.CandidatePaths("  "));
    }

    [Fact]
    public void MissingAndBrokenFontFilesAreSkipped()
    {
        var broken = folder.File("broken.ttf");
        File.WriteAllBytes(broken, [1, 2, 3, 4, 5, 6, 7, 8]);
        var typefaces = ChartFonts.Load(["/nonexistent/font.ttf", broken]);
        // Only the default typeface can remain, and only if it renders text.
        Assert.All(typefaces, t => Assert.True(ChartFonts.CanRenderText(t)));
        Assert.True(typefaces.Count <= 1);
    }

    [Fact]
    public void AFontFileIsLoadedByPath()
    {
        const string dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        Assert.True(File.Exists(dejaVu), "this machine is expected to have DejaVu Sans");
        var typefaces = ChartFonts.Load([dejaVu, dejaVu]);
        Assert.Single(typefaces);
        Assert.Equal("DejaVu Sans", typefaces[0].FamilyName);
    }

    [Fact]
    public void WithoutFontsTextIsZeroWidthAndNotDrawn()
    {
        Assert.False(ChartText.None.HasFont);
        Assert.Equal(0, ChartText.None.Width("loss", 12));
        Assert.True(ChartText.None.LineHeight(12) > 0);

        using var bitmap = new SKBitmap(60, 30);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        ChartText.None.Draw(canvas, "loss", 5, 20, 14, SKColors.Black);
        Assert.All(Enumerable.Range(0, 60), x => Assert.Equal(SKColors.White, bitmap.GetPixel(x, 15)));
        ChartText.Shared.Draw(canvas, "loss", 5, 15, 14, SKColors.Black, baseline: TextBaseline.Middle);
        Assert.Contains(Enumerable.Range(0, 60), x => bitmap.GetPixel(x, 15) != SKColors.White);
    }

    [Fact]
    public void FitShortensWithAnEllipsis()
    {
        var text = ChartText.Shared;
        Assert.Equal("BLEU", text.Fit("BLEU", 12, 200));
        var fitted = text.Fit("▁Donaudampfschifffahrtsgesellschaft", 12, 60);
        Assert.EndsWith("…", fitted);
        Assert.True(text.Width(fitted, 12) <= 60);
    }
}
