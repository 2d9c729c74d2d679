using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>Renders a drawing to a PNG file atomically.</summary>
internal static class PngOutput
{
    /// <summary>
    /// Draws on a white <paramref name="width"/>×<paramref name="height"/> RGBA canvas and writes it as PNG to
    /// <paramref name="path"/>: first to a temporary file in the same folder, then moved over the target, so
    /// readers never see a half-written chart. The same drawing gives the same bytes.
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

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                data.SaveTo(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a leftover temporary file.
        }
    }
}
