using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>
/// Single-hue sequential scale from near-white (0) to dark blue (1), used for attention weights.
/// Lightness falls monotonically, so it also reads correctly when printed in grayscale.
/// </summary>
internal static class ColorScale
{
    // Anchor colors at 0, 0.25, 0.5, 0.75, 1; linear interpolation between them.
    private static readonly SKColor[] Stops =
    [
        new(0xF7, 0xFB, 0xFF),
        new(0xC6, 0xDB, 0xEF),
        new(0x6B, 0xAE, 0xD6),
        new(0x21, 0x71, 0xB5),
        new(0x08, 0x30, 0x6B),
    ];

    /// <summary>Color used for NaN cells.</summary>
    public static readonly SKColor Missing = new(0xE0, 0xE0, 0xE0);

    /// <summary>The color of <paramref name="value"/>, clamped to [0, 1]; NaN gives <see cref="Missing"/>.</summary>
    public static SKColor At(double value)
    {
        if (double.IsNaN(value))
            return Missing;
        var t = Math.Clamp(value, 0, 1) * (Stops.Length - 1);
        var i = Math.Min((int)Math.Floor(t), Stops.Length - 2);
        var f = t - i;
        var a = Stops[i];
        var b = Stops[i + 1];
        return new SKColor(Lerp(a.Red, b.Red, f), Lerp(a.Green, b.Green, f), Lerp(a.Blue, b.Blue, f));
    }

    /// <summary>True when white text is more readable than dark text on <paramref name="value"/>'s color.</summary>
    public static bool IsDark(double value) => !double.IsNaN(value) && value > 0.55;

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
