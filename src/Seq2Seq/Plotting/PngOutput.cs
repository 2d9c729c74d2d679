using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>Renders a drawing to a PNG file atomically.</summary>
internal static class PngOutput
{
    /// <summary>
    /// Draws on a white <paramref name="width"/>×<paramref name="height"/> RGBA canvas and writes it as PNG to
    /// <paramref name="path"/> through <see cref="Files.DurableFile"/>, so readers never see a half-written chart. The same drawing gives the same bytes.
    /// </summary>
    public static void Write(string path, int width, int height, Action<SKCanvas> draw)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}x{height} raster surface.");
        var canvas = surface.Canvas;
        canvas.Clear(ChartTheme.Background);
        draw(canvas);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");

        Files.DurableFile.Write(path, data.SaveTo);
    }
}
