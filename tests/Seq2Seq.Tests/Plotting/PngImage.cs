using SkiaSharp;
using System.Buffers.Binary;

namespace Seq2Seq.Tests.Plotting;

/// <summary>Reads back a PNG written by a chart: checks the signature and IHDR, decodes the pixels.</summary>
internal sealed class PngImage : IDisposable
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(byte[] bytes, SKBitmap bitmap, int width, int height)
    {
        Bytes = bytes;
        Bitmap = bitmap;
        Width = width;
        Height = height;
    }

    public byte[] Bytes { get; }
    public SKBitmap Bitmap { get; }

    /// <summary>Width from the IHDR chunk.</summary>
    public int Width { get; }

    /// <summary>Height from the IHDR chunk.</summary>
    public int Height { get; }

    public static PngImage Load(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, "file too short for a PNG");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8, 4)));
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return new PngImage(bytes, bitmap, width, height);
    }

    /// <summary>Number of distinct colors, capped at <paramref name="cap"/>.</summary>
    public int DistinctColors(int cap = 1000)
    {
        var seen = new HashSet<uint>();
        for (var y = 0; y < Height && seen.Count < cap; y++)
            for (var x = 0; x < Width && seen.Count < cap; x++)
                seen.Add((uint)Bitmap.GetPixel(x, y));
        return seen.Count;
    }

    /// <summary>Pixels within <paramref name="tolerance"/> per channel of <paramref name="color"/>.</summary>
    public int CountNear(SKColor color, int tolerance = 12)
    {
        var count = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var c = Bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - color.Red) <= tolerance && Math.Abs(c.Green - color.Green) <= tolerance
                    && Math.Abs(c.Blue - color.Blue) <= tolerance)
                    count++;
            }
        return count;
    }

    /// <summary>Pixels that are neither white nor the given colors' neighbourhood: "ink" such as text and axes.</summary>
    public int CountDark(int threshold = 100)
    {
        var count = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                if (Luminance(Bitmap.GetPixel(x, y)) < threshold)
                    count++;
        return count;
    }

    public static double Luminance(SKColor c) => 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;

    public void Dispose() => Bitmap.Dispose();
}
